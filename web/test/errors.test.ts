import { describe, expect, it } from "vitest";
import { BaseError, ContractFunctionExecutionError, ContractFunctionRevertedError, UserRejectedRequestError, encodeErrorResult } from "viem";
import { campaignAbi } from "../src/lib/contracts.ts";
import { describeFailure, messageForError } from "../src/lib/errors.ts";

function revert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: campaignAbi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi: campaignAbi, data, functionName: "contribute" });
  return new ContractFunctionExecutionError(cause, { abi: campaignAbi, functionName: "contribute", args: [1n] });
}

describe("describeFailure", () => {
  it("decodes a contract's custom error into a human message", () => {
    const failure = describeFailure(revert("BelowMinContribution", [1n, 10n]));
    expect(failure).toEqual({ kind: "reverted", errorName: "BelowMinContribution", message: "The amount is below this campaign's minimum contribution." });
  });
  it("names an error it has no message for", () => {
    expect(messageForError("SomethingNew")).toBe("The transaction was refused (SomethingNew).");
  });
  it("treats a refusal in the wallet as cancelled, not failed — wrapped by viem or raw EIP-1193", () => {
    const wrapped = new BaseError("request failed", { cause: new UserRejectedRequestError(new Error("User rejected the request.")) });
    expect(describeFailure(wrapped).kind).toBe("rejected");
    expect(describeFailure({ code: 4001, message: "User rejected the request." }).kind).toBe("rejected");
  });
  it("keeps other failures short", () => {
    expect(describeFailure(new BaseError("Something broke", { details: "a very long\nstack" }))).toEqual({ kind: "failed", message: "Something broke" });
    expect(describeFailure(new Error("plain"))).toEqual({ kind: "failed", message: "plain" });
  });
});
