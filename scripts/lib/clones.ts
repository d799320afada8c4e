// EIP-1167 clones deployed outside the factory, the way OpenZeppelin's Clones library lays
// them out (the factory's own path): for tests that need a bare clone and for the gas
// scenarios that measure a pool exactly as the factory deploys it.
import type { Signer } from "ethers";

/** Creation code of an EIP-1167 clone of `implementation` with `args` appended to its code (Clones.cloneWithImmutableArgs). */
export function cloneInitCode(implementation: string, args = "0x"): string {
  const argBytes = args.slice(2).toLowerCase();
  const runtimeLength = 0x2d + argBytes.length / 2;
  const proxy = `363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
  return `0x61${runtimeLength.toString(16).padStart(4, "0")}3d81600a3d39f3${proxy}${argBytes}`;
}

/** Deploys an uninitialised clone of `implementation` (with optional immutable `args`) and returns its address. */
export async function deployClone(deployer: Signer, implementation: string, args = "0x"): Promise<string> {
  const receipt = await (await deployer.sendTransaction({ data: cloneInitCode(implementation, args) })).wait();
  if (receipt?.contractAddress == null) throw new Error("clone not created");
  return receipt.contractAddress;
}
