// `npx hardhat merchant configure`: the signing account, as a merchant, sets its escrow window
// and which keys may sign payment intents for it (e.g. the platform's session signer).
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { cliError, parseAddress, parseDuration, printReport } from "../lib/cli.js";
import { connect, deployedAddress, send } from "../lib/connection.js";

interface Args {
  signer: string;
  escrow: string;
  releaseDelay: string;
  addSigner: string;
  removeSigner: string;
}

const list = (name: string, value: string) =>
  value === "" ? [] : value.split(",").map((item) => parseAddress(name, item.trim()));

export default async function configureMerchant(args: Args, hre: HardhatRuntimeEnvironment) {
  const { ethers, signer, chainId } = await connect(hre, args.signer);
  const escrow = await ethers.getContractAt("PaymentEscrow", await deployedAddress(chainId, "PaymentEscrow", args.escrow), signer);
  const add = list("add-signer", args.addSigner);
  const remove = list("remove-signer", args.removeSigner);
  if (args.releaseDelay === "" && add.length === 0 && remove.length === 0) {
    throw cliError("nothing to do: give --release-delay, --add-signer or --remove-signer");
  }
  const facts: Record<string, string> = { merchant: signer.address, escrow: await escrow.getAddress() };
  if (args.releaseDelay !== "") {
    const delay = parseDuration("release-delay", args.releaseDelay);
    const receipt = await send(hre, "setReleaseDelay", () => escrow.setReleaseDelay(delay));
    facts["release delay"] = `${delay} s (tx ${receipt.hash})`;
  }
  for (const [accounts, allowed] of [[add, true], [remove, false]] as const) {
    for (const account of accounts) {
      const receipt = await send(hre, "setSigner", () => escrow.setSigner(account, allowed));
      facts[`${allowed ? "signer added" : "signer removed"} ${account}`] = `tx ${receipt.hash}`;
    }
  }
  printReport("Merchant configured", facts);
}
