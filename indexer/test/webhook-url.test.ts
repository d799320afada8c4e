// Webhook endpoints off the local chain must be public hosts: the classifier and the resolver.
import { describe, expect, it } from "vitest";
import { isInternalAddress, webhookUrlProblem } from "../src/api/merchants/webhook-url.js";

describe("webhook URL policy", () => {
  it("classifies loopback, private, link-local and metadata addresses as internal", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "not-an-ip"]) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isInternalAddress(address), address).toBe(false);
    }
  });

  it("refuses URLs whose host is or resolves to an internal address", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:8080/hooks")).toMatch(/internal/);
    expect(await webhookUrlProblem("http://[::1]/hooks")).toMatch(/internal/);
    expect(await webhookUrlProblem("http://localhost/hooks")).toMatch(/internal/);
    expect(await webhookUrlProblem("https://203.0.113.9/hooks")).toBeUndefined();
  });
});
