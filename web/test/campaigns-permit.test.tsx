import { describe, expect, it } from "vitest";
import { domainSeparator, recoverTypedDataAddress, zeroHash, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { permitDomain, permitTypedData, signatureParts, type Eip712DomainResult } from "../src/lib/permit.ts";

// Hardhat's public test account #1 (never holds real funds).
const owner = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const token: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const campaign: Address = "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be";
const chainId = 31337;
const ozDomain: Eip712DomainResult = ["0x0f", "Crowdstake Dev USD", "1", 31337n, token, zeroHash, []];

describe("permitDomain", () => {
  it("builds the domain from ERC-5267 eip712Domain(), honouring its fields bitmap", () => {
    expect(permitDomain({ eip712Domain: ozDomain }, token, chainId)).toEqual({ name: "Crowdstake Dev USD", version: "1", chainId: 31337, verifyingContract: token });
    const withoutVersion: Eip712DomainResult = ["0x0d", "T", "ignored", 1n, token, zeroHash, []];
    expect(permitDomain({ eip712Domain: withoutVersion }, token, chainId)).toEqual({ name: "T", chainId: 1, verifyingContract: token });
  });

  it("falls back to name() with version 1 when the token has no eip712Domain()", () => {
    expect(permitDomain({ name: "Old Token" }, token, chainId)).toEqual({ name: "Old Token", version: "1", chainId, verifyingContract: token });
  });

  it("accepts the domain only if it hashes to the token's DOMAIN_SEPARATOR", () => {
    const domain = { name: "Crowdstake Dev USD", version: "1", chainId, verifyingContract: token };
    expect(permitDomain({ eip712Domain: ozDomain, domainSeparator: domainSeparator({ domain }) }, token, chainId)).toEqual(domain);
    const other = domainSeparator({ domain: { ...domain, version: "2" } });
    expect(permitDomain({ name: "Crowdstake Dev USD", domainSeparator: other }, token, chainId)).toBeUndefined();
  });

  it("gives nothing without eip712Domain() or name()", () => {
    expect(permitDomain({}, token, chainId)).toBeUndefined();
  });
});

describe("permit signature", () => {
  it("signs an EIP-2612 Permit that recovers to the owner, split into v, r, s", async () => {
    const typed = permitTypedData(permitDomain({ eip712Domain: ozDomain }, token, chainId)!, {
      owner: owner.address,
      spender: campaign,
      value: 25_000_000n,
      nonce: 0n,
      deadline: 1_900_000_000n,
    });
    const signature = await owner.signTypedData(typed);
    expect(await recoverTypedDataAddress({ ...typed, signature })).toBe(owner.address);
    const { v, r, s } = signatureParts(signature);
    expect([27, 28]).toContain(v);
    expect(r).toBe(`0x${signature.slice(2, 66)}`);
    expect(s).toBe(`0x${signature.slice(66, 130)}`);
  });
});
