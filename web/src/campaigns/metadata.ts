// A campaign's name and description from its metadata URI. Campaigns store them inline as a
// `data:application/json,` URI (plain or percent-encoded JSON, or `;base64,`); anything else
// (ipfs://, https://, garbage) yields no metadata rather than an error, and the UI falls back.
import { shortAddress } from "../lib/format.ts";

export interface CampaignMetadata {
  name?: string;
  description?: string;
}

const DATA_JSON = /^data:application\/json((?:;[^,]*)?),/i;
// Longer texts are cut: the URI is set by the campaign owner, not by us.
const MAX_NAME = 80;
const MAX_DESCRIPTION = 1_000;

export function parseMetadataURI(uri: string): CampaignMetadata {
  const trimmed = uri.trim();
  const match = DATA_JSON.exec(trimmed);
  if (!match) return {};
  const payload = trimmed.slice(match[0].length);
  const candidates = /;base64/i.test(match[1] ?? "") ? [decodeBase64(payload)] : [payload, decodeURIComponentSafe(payload)];
  for (const text of candidates) {
    const value = parseJson(text);
    if (value !== undefined) return pickFields(value);
  }
  return {};
}

/** What a campaign is called in the UI: its metadata name, else its short address. */
export function campaignName(campaign: { id: string; metadataURI: string }): string {
  return parseMetadataURI(campaign.metadataURI).name ?? `Campaign ${shortAddress(campaign.id)}`;
}

function pickFields(value: unknown): CampaignMetadata {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const metadata: CampaignMetadata = {};
  const name = cleanText(record.name, MAX_NAME);
  const description = cleanText(record.description, MAX_DESCRIPTION);
  if (name) metadata.name = name;
  if (description) metadata.description = description;
  return metadata;
}

function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  // Control characters would only confuse screen readers and layouts.
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function decodeURIComponentSafe(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function decodeBase64(text: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(decodeURIComponentSafe(text) ?? text), (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
