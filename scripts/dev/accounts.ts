// Hardhat's public test accounts (mnemonic "test test … junk") and the role each plays in the
// local stack's demo data (scripts/dev/seed.ts, seed-offchain.ts). LOCAL ONLY: these keys are
// published with Hardhat; anything sent to them on a real network is taken at once.
import type { Address, Hex } from "viem";

export interface TestAccount {
  index: number;
  name: string;
  address: Address;
  key: Hex;
  role: string;
}

const account = (index: number, name: string, address: Address, key: Hex, role: string): TestAccount => ({ index, name, address, key, role });

export const TEST_ACCOUNTS: readonly TestAccount[] = [
  account(0, "deployer", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "admin of the factory and the escrow, on-ramp operator (relayer), platform signer, treasury"),
  account(1, "alice", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "backer and staker: backed Solar Coop, Open Library, Corner Bakery; stakes BREAD (rewards vesting); paid 25 cUSD held in escrow"),
  account(2, "bob", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "backer and staker: stakes BREAD (an unstake cooling down); paid a checkout session; card (on-ramp) contribution to Solar Coop"),
  account(3, "carol", "0x90F79bf6EB2c4f870365E785982E1f101E93b906", "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6", "campaign owner of every demo campaign and admin of their pools (Maker Space is her draft)"),
  account(4, "merchant", "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a", "merchant: 1-day escrow window, platform signer authorised, payments and sessions (sign in at /merchant)"),
  account(5, "dave", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba", "backer with things to do: claim on Corner Bakery, refunds on River Cleanup and Night Market"),
  account(6, "spare", "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e", "no activity yet (10,000 ETH, 100,000 cUSD)"),
];

/** Every account of the node holds this much ETH; the seed mints cUSD to the first ten. */
export const TEST_BALANCES = "10,000 ETH and 100,000 cUSD each";
