// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "../utils/Vm.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Campaign} from "../../contracts/campaigns/Campaign.sol";
import {CampaignToken} from "../../contracts/campaigns/CampaignToken.sol";
import {CampaignFactory} from "../../contracts/campaigns/CampaignFactory.sol";
import {StakingPool} from "../../contracts/staking/StakingPool.sol";
import {CampaignParams} from "../../contracts/interfaces/ICampaign.sol";
import {PoolConfig} from "../../contracts/interfaces/IStakingPoolInit.sol";

/// @dev Shared deployment for the campaign fuzz and invariant tests: a factory (this contract
/// is its admin and creator), a 6-decimal asset and helpers to create launched campaigns.
abstract contract CampaignSetup is TestBase {
    address internal constant TREASURY = address(0x7EA5);
    address internal constant OWNER = address(0x0B0B);
    address internal constant OPERATOR = address(0x0FE7);

    CampaignFactory internal factory;
    MockERC20 internal usd;

    function _deploy(uint16 feeBps) internal {
        factory = new CampaignFactory(
            address(this),
            TREASURY,
            feeBps,
            address(new Campaign()),
            address(new CampaignToken()),
            address(new StakingPool())
        );
        factory.grantRole(factory.CAMPAIGN_CREATOR_ROLE(), address(this));
        factory.grantRole(factory.ONRAMP_OPERATOR_ROLE(), OPERATOR);
        usd = new MockERC20("Mock USD", "mUSD", 6);
    }

    /// @dev A launched campaign open from now for 10 days, goal `goal`, cap `cap`, no limits.
    function _launched(address asset, uint128 goal, uint128 cap, uint128 rate) internal returns (Campaign campaign) {
        CampaignParams memory p = CampaignParams({
            owner: OWNER,
            start: uint64(block.timestamp),
            asset: asset,
            end: uint64(block.timestamp + 10 days),
            goal: goal,
            cap: cap,
            minContribution: 0,
            maxPerBacker: 0,
            rate: rate,
            metadataURI: "ipfs://fuzz"
        });
        PoolConfig memory none;
        (address c, , ) = factory.createCampaign(p, "Fuzz", "FZZ", false, none);
        campaign = Campaign(c);
        vm.prank(OWNER);
        campaign.launch();
    }
}
