import { describe, expect, it } from "vitest";
import { campaignName, parseMetadataURI } from "../src/campaigns/metadata.ts";

const ADDRESS = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

describe("parseMetadataURI", () => {
  it("reads name and description from plain JSON in a data URI (the seed's format)", () => {
    expect(parseMetadataURI('data:application/json,{"name":"Solar Coop","description":"Rooftop solar for the neighbourhood"}')).toEqual({
      name: "Solar Coop",
      description: "Rooftop solar for the neighbourhood",
    });
  });

  it("reads percent-encoded JSON and a charset parameter", () => {
    const uri = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify({ name: "Café 100%", description: "a & b" }))}`;
    expect(parseMetadataURI(uri)).toEqual({ name: "Café 100%", description: "a & b" });
  });

  it("keeps a literal percent sign in plain JSON", () => {
    expect(parseMetadataURI('data:application/json,{"name":"100% solar"}')).toEqual({ name: "100% solar" });
  });

  it("reads base64 JSON, UTF-8 included", () => {
    const json = JSON.stringify({ name: "Über Wind" });
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
    expect(parseMetadataURI(`data:application/json;base64,${base64}`)).toEqual({ name: "Über Wind" });
  });

  it("gives nothing for other URIs, broken JSON and non-objects", () => {
    expect(parseMetadataURI("ipfs://bafy/metadata.json")).toEqual({});
    expect(parseMetadataURI("data:text/plain,hello")).toEqual({});
    expect(parseMetadataURI("data:application/json,{not json")).toEqual({});
    expect(parseMetadataURI('data:application/json,["Solar"]')).toEqual({});
    expect(parseMetadataURI("data:application/json,null")).toEqual({});
    expect(parseMetadataURI("data:application/json;base64,@@@")).toEqual({});
    expect(parseMetadataURI("")).toEqual({});
  });

  it("ignores fields that are not text, blank or only control characters", () => {
    expect(parseMetadataURI('data:application/json,{"name":42,"description":{"x":1}}')).toEqual({});
    expect(parseMetadataURI('data:application/json,{"name":"   ","description":"\\u0000\\u0007"}')).toEqual({});
  });

  it("flattens control characters and cuts an over-long name", () => {
    const metadata = parseMetadataURI(`data:application/json,${JSON.stringify({ name: `Line\nbreak ${"x".repeat(200)}` })}`);
    expect(metadata.name!.startsWith("Line break x")).toBe(true);
    expect(metadata.name).toHaveLength(80);
    expect(metadata.name!.endsWith("…")).toBe(true);
  });
});

describe("campaignName", () => {
  it("uses the metadata name", () => {
    expect(campaignName({ id: ADDRESS, metadataURI: 'data:application/json,{"name":"Solar Coop"}' })).toBe("Solar Coop");
  });

  it("falls back to the short checksummed address", () => {
    expect(campaignName({ id: ADDRESS, metadataURI: "ipfs://x" })).toBe("Campaign 0x3C44…93BC");
  });
});
