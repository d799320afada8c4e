// Ignition module of the platform's core: the implementations that campaigns, tokens and pools
// are cloned from, the CampaignFactory, the PaymentEscrow, and the roles of the operators.
//
// The deploying account becomes DEFAULT_ADMIN_ROLE of both contracts (it must be, to grant the
// other roles here). Hand administration to a multisig afterwards with
// `npx hardhat roles grant --role DEFAULT_ADMIN_ROLE ...` and `roles revoke` (README).
//
// Parameters (a JSON file given with --parameters, key "CrowdstakeCore", like
// deploy/parameters.example.json); each defaults to the deployer:
//   treasury, campaignCreator, onrampOperator, paymentOperator, arbiter;
//   campaignFeeBps (default 250 = 2.5%), paymentFeeBps (default 100 = 1%).
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { id } from "ethers";

export default buildModule("CrowdstakeCore", (m) => {
  const deployer = m.getAccount(0);
  const treasury = m.getParameter("treasury", deployer);
  const campaignFeeBps = m.getParameter("campaignFeeBps", 250);
  const paymentFeeBps = m.getParameter("paymentFeeBps", 100);

  const campaignImplementation = m.contract("Campaign", [], { id: "CampaignImplementation" });
  const tokenImplementation = m.contract("CampaignToken", [], { id: "CampaignTokenImplementation" });
  const poolImplementation = m.contract("StakingPool", [], { id: "StakingPoolImplementation" });

  const factory = m.contract("CampaignFactory", [
    deployer,
    treasury,
    campaignFeeBps,
    campaignImplementation,
    tokenImplementation,
    poolImplementation,
  ]);
  const escrow = m.contract("PaymentEscrow", [deployer, treasury, paymentFeeBps]);

  m.call(factory, "grantRole", [id("CAMPAIGN_CREATOR_ROLE"), m.getParameter("campaignCreator", deployer)], {
    id: "GrantCampaignCreator",
  });
  m.call(factory, "grantRole", [id("ONRAMP_OPERATOR_ROLE"), m.getParameter("onrampOperator", deployer)], {
    id: "GrantFactoryOnrampOperator",
  });
  m.call(escrow, "grantRole", [id("OPERATOR_ROLE"), m.getParameter("paymentOperator", deployer)], {
    id: "GrantEscrowOperator",
  });
  m.call(escrow, "grantRole", [id("ARBITER_ROLE"), m.getParameter("arbiter", deployer)], { id: "GrantArbiter" });

  return { factory, escrow, campaignImplementation, tokenImplementation, poolImplementation };
});
