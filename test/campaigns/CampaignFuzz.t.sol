// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CampaignSetup} from "./CampaignSetup.sol";
import {Campaign} from "../../contracts/campaigns/Campaign.sol";
import {CampaignToken} from "../../contracts/campaigns/CampaignToken.sol";
import {CampaignParams, Status} from "../../contracts/interfaces/ICampaign.sol";
import {PoolConfig} from "../../contracts/interfaces/IStakingPoolInit.sol";

/// @notice Fuzz tests of the token-rate and platform-fee arithmetic of a campaign.
contract CampaignFuzzTest is CampaignSetup {
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B0);

    function setUp() public {
        vm.warp(1_700_000_000);
        _deploy(250);
    }

    /// @dev tokens = contribution * rate / 1e18 per backer, rounded down, for any rate and amounts;
    /// the token supply is the sum of the backers' shares.
    function testFuzz_tokenRate(uint256 amountA, uint256 amountB, uint256 rate) public {
        amountA = bound(amountA, 1, 1e30);
        amountB = bound(amountB, 1, 1e30);
        rate = bound(rate, 1, type(uint128).max);
        Campaign campaign = _launched(address(usd), uint128(amountA), 0, uint128(rate));
        _contribute(campaign, ALICE, amountA);
        _contribute(campaign, BOB, amountB);
        vm.warp(block.timestamp + 10 days);
        assertTrue(campaign.status() == Status.Successful, "successful");

        uint256 expectedA = (amountA * rate) / 1e18;
        uint256 expectedB = (amountB * rate) / 1e18;
        assertEq(campaign.claimableTokens(ALICE), expectedA, "claimable");
        vm.prank(ALICE);
        assertEq(campaign.claimTokens(), expectedA, "returned");
        vm.prank(BOB);
        campaign.claimTokens();
        CampaignToken token = CampaignToken(campaign.token());
        assertEq(token.balanceOf(ALICE), expectedA, "alice tokens");
        assertEq(token.balanceOf(BOB), expectedB, "bob tokens");
        assertEq(token.totalSupply(), expectedA + expectedB, "supply");
        // what was minted never exceeds the exact share, and loses less than one token unit
        uint256 mintedA = token.balanceOf(ALICE);
        assertLe(mintedA * 1e18, amountA * rate, "rounded down");
        assertLe(amountA * rate - mintedA * 1e18, 1e18 - 1, "rounding < 1 unit");
    }

    /// @dev A 6-decimal stablecoin at rate 1e30 gives exactly amount * 1e12 tokens.
    function testFuzz_stablecoinRate(uint256 amount) public {
        amount = bound(amount, 1, 1e24);
        Campaign campaign = _launched(address(usd), 1, 0, 1e30);
        _contribute(campaign, ALICE, amount);
        vm.warp(block.timestamp + 10 days);
        vm.prank(ALICE);
        assertEq(campaign.claimTokens(), amount * 1e12, "1 token per USD");
    }

    /// @dev owner + treasury == raised to the wei; fee == raised * bps / 1e4 rounded down (with
    /// the fee in force at launch); fee <= 10%; the fee waits in the campaign for sweepFee.
    function testFuzz_feeSplit(uint256 raised, uint256 feeBps, bool native) public {
        raised = bound(raised, 1, 1e36);
        feeBps = bound(feeBps, 0, factory.MAX_FEE_BPS());
        factory.setPlatformFee(uint16(feeBps));
        address asset = native ? address(0) : address(usd);
        Campaign campaign = _launched(asset, uint128(raised), uint128(raised), 1e18);
        _contribute(campaign, ALICE, raised); // fills the cap: Successful at once
        assertTrue(campaign.status() == Status.Successful, "cap reached");

        uint256 ownerBefore = _balance(asset, OWNER);
        uint256 treasuryBefore = _balance(asset, TREASURY);
        vm.prank(OWNER);
        (uint256 amount, uint256 fee) = campaign.withdraw();
        assertEq(fee, (raised * feeBps) / 10_000, "fee");
        assertEq(amount + fee, raised, "split");
        assertLe(fee * 10, raised, "fee <= 10%");
        assertEq(_balance(asset, OWNER) - ownerBefore, amount, "owner paid");
        assertEq(_balance(asset, address(campaign)), fee, "fee kept");
        if (fee != 0) assertEq(campaign.sweepFee(), fee, "swept");
        assertEq(_balance(asset, TREASURY) - treasuryBefore, fee, "treasury paid");
        assertEq(_balance(asset, address(campaign)), 0, "campaign empty");
    }

    /// @dev Refunds return each contribution exactly and raised goes back to zero.
    function testFuzz_refunds(uint256 amountA, uint256 amountB, bool cancel) public {
        amountA = bound(amountA, 1, 1e30);
        amountB = bound(amountB, 1, 1e30);
        Campaign campaign = _launched(address(usd), uint128(amountA + amountB + 1), 0, 1e18);
        _contribute(campaign, ALICE, amountA);
        _contribute(campaign, BOB, amountB);
        if (cancel) {
            vm.prank(OWNER);
            campaign.cancel();
        } else {
            vm.warp(block.timestamp + 10 days);
        }
        vm.prank(ALICE);
        assertEq(campaign.refund(), amountA, "alice refund");
        assertEq(campaign.totalRaised(), amountB, "raised after one refund");
        vm.prank(BOB);
        campaign.refund();
        assertEq(usd.balanceOf(ALICE), amountA, "alice whole");
        assertEq(usd.balanceOf(BOB), amountB, "bob whole");
        assertEq(campaign.totalRaised(), 0, "raised zero");
        assertEq(usd.balanceOf(address(campaign)), 0, "campaign empty");
    }

    /// @dev The min / max-per-backer / cap checks match a reference model for any limits and
    /// any two contributions: accepted exactly when the model accepts, and then booked.
    function testFuzz_limits(uint256 minC, uint256 maxPer, uint256 cap, uint256 first, uint256 second) public {
        minC = bound(minC, 0, 1e12);
        maxPer = bound(maxPer, 0, 1e13);
        if (maxPer != 0 && maxPer < minC) maxPer = minC;
        cap = bound(cap, 0, 2e13);
        if (cap != 0 && minC > cap) minC = cap; // a minimum above the cap is refused (InvalidLimits)
        // any goal up to the cap (a seed of its own, mixed from the inputs: the stack has no room
        // for a sixth parameter)
        uint256 goal = cap == 0 ? 1e12 : bound(uint256(keccak256(abi.encode(minC, maxPer, first))), 1, cap);
        first = bound(first, 0, 2e13);
        second = bound(second, 0, 2e13);
        CampaignParams memory p = CampaignParams({
            owner: OWNER,
            start: uint64(block.timestamp),
            asset: address(usd),
            end: uint64(block.timestamp + 1 days),
            goal: uint128(goal),
            cap: uint128(cap),
            minContribution: uint128(minC),
            maxPerBacker: uint128(maxPer),
            rate: 1e18,
            metadataURI: ""
        });
        PoolConfig memory none;
        (address c, , ) = factory.createCampaign(p, "L", "L", false, none);
        Campaign campaign = Campaign(c);
        vm.prank(OWNER);
        campaign.launch();

        uint256 raised;
        uint256[2] memory amounts = [first, second];
        for (uint256 i; i < 2; i++) {
            uint256 amount = amounts[i];
            bool open = cap == 0 || raised < cap;
            bool ok = open &&
                amount != 0 &&
                (cap == 0 || raised + amount <= cap) &&
                (amount >= minC || raised + amount == cap) &&
                (maxPer == 0 || raised + amount <= maxPer); // one backer: its total is `raised`
            usd.mint(ALICE, amount);
            vm.prank(ALICE);
            usd.approve(address(campaign), amount);
            vm.prank(ALICE);
            (bool success, ) = address(campaign).call(abi.encodeCall(Campaign.contribute, (amount)));
            assertTrue(success == ok, ok ? "model accepts, campaign refused" : "model refuses, campaign accepted");
            if (ok) raised += amount;
            assertEq(campaign.totalRaised(), raised, "raised");
        }
        if (cap != 0 && raised == cap) assertTrue(campaign.status() == Status.Successful, "cap ends it");
    }

    function _contribute(Campaign campaign, address backer, uint256 amount) internal {
        if (campaign.asset() == address(0)) {
            vm.deal(backer, amount);
            vm.prank(backer);
            campaign.contributeNative{value: amount}();
        } else {
            usd.mint(backer, amount);
            vm.prank(backer);
            usd.approve(address(campaign), amount);
            vm.prank(backer);
            campaign.contribute(amount);
        }
    }

    function _balance(address asset, address who) internal view returns (uint256) {
        return asset == address(0) ? who.balance : usd.balanceOf(who);
    }
}
