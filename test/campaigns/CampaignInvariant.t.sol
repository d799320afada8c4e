// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CampaignSetup} from "./CampaignSetup.sol";
import {Vm} from "../utils/Vm.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {Campaign} from "../../contracts/campaigns/Campaign.sol";
import {CampaignToken} from "../../contracts/campaigns/CampaignToken.sol";
import {Status} from "../../contracts/interfaces/ICampaign.sol";

/// @notice Drives one campaign with random backer actions; keeps ghost totals of what moved.
contract CampaignHandler {
    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    Campaign public immutable campaign;
    MockERC20 public immutable usd;
    address public immutable owner;
    address public immutable operator;
    bool public immutable native;

    address[3] internal _backers = [address(0xA11CE), address(0xB0B0), address(0xCA201)];

    uint256 public ghostContributed;
    uint256 public ghostRefunded;
    uint256 public ghostOwnerPaid;
    uint256 public ghostFeeKept;
    uint256 public ghostFeeSwept;
    mapping(address => uint256) public ghostContributionOf;
    mapping(address => uint256) public ghostMinted;
    uint256 public onrampNonce;
    uint256 public calls;

    constructor(Campaign campaign_, MockERC20 usd_, address owner_, address operator_) {
        campaign = campaign_;
        usd = usd_;
        owner = owner_;
        operator = operator_;
        native = campaign_.asset() == address(0);
    }

    function backerCount() external pure returns (uint256) {
        return 3;
    }

    function backerAt(uint256 i) external view returns (address) {
        return _backers[i];
    }

    function contribute(uint256 who, uint256 amount) external {
        calls++;
        address backer = _backers[who % 3];
        amount = _amount(amount);
        _fund(backer, amount);
        vm.prank(backer);
        if (native) {
            try campaign.contributeNative{value: amount}() {
                _booked(backer, amount);
            } catch {}
        } else {
            try campaign.contribute(amount) {
                _booked(backer, amount);
            } catch {}
        }
    }

    function contributeFor(uint256 who, uint256 amount) external {
        calls++;
        address backer = _backers[who % 3];
        amount = _amount(amount);
        _fund(operator, amount);
        bytes32 ref = keccak256(abi.encode("order", ++onrampNonce));
        vm.prank(operator);
        try campaign.contributeFor{value: native ? amount : 0}(backer, amount, ref) {
            _booked(backer, amount);
        } catch {}
    }

    /// @dev the backer calls refund(), or a third party calls refundFor(backer)
    function refund(uint256 who, bool viaThirdParty) external {
        calls++;
        address backer = _backers[who % 3];
        if (viaThirdParty) {
            vm.prank(operator);
            try campaign.refundFor(backer) returns (uint256 amount) {
                ghostRefunded += amount;
            } catch {}
        } else {
            vm.prank(backer);
            try campaign.refund() returns (uint256 amount) {
                ghostRefunded += amount;
            } catch {}
        }
    }

    /// @dev the backer calls claimTokens(), or a third party calls claimTokensFor(backer)
    function claim(uint256 who, bool viaThirdParty) external {
        calls++;
        address backer = _backers[who % 3];
        if (viaThirdParty) {
            vm.prank(operator);
            try campaign.claimTokensFor(backer) returns (uint256 tokens) {
                ghostMinted[backer] += tokens;
            } catch {}
        } else {
            vm.prank(backer);
            try campaign.claimTokens() returns (uint256 tokens) {
                ghostMinted[backer] += tokens;
            } catch {}
        }
    }

    function withdraw() external {
        calls++;
        vm.prank(owner);
        try campaign.withdraw() returns (uint256 amount, uint256 fee) {
            ghostOwnerPaid += amount;
            ghostFeeKept += fee;
        } catch {}
    }

    /// @dev anyone sends the fee to the treasury
    function sweepFee() external {
        calls++;
        try campaign.sweepFee() returns (uint256 fee) {
            ghostFeeSwept += fee;
        } catch {}
    }

    function finalize() external {
        calls++;
        vm.prank(owner);
        try campaign.finalize() {} catch {}
    }

    function cancel(uint256 dice) external {
        calls++;
        // rarely, so that most runs reach the other outcomes
        if (dice % 8 != 0) return;
        vm.prank(owner);
        try campaign.cancel() {} catch {}
    }

    function warp(uint256 seconds_) external {
        calls++;
        vm.warp(block.timestamp + (seconds_ % 3 days));
    }

    function _amount(uint256 amount) internal pure returns (uint256) {
        return 1 + (amount % 600e6);
    }

    function _fund(address who, uint256 amount) internal {
        if (native) {
            // whichever account the pranked call draws the value from, it has it
            vm.deal(who, who.balance + amount);
            vm.deal(address(this), address(this).balance + amount);
        } else {
            usd.mint(who, amount);
            vm.prank(who);
            usd.approve(address(campaign), amount);
        }
    }

    function _booked(address backer, uint256 amount) internal {
        ghostContributed += amount;
        ghostContributionOf[backer] += amount;
    }
}

/// @notice Invariants of a campaign under random contributions, on-ramp contributions,
/// refunds, claims, withdrawal, finalisation, cancellation and time: the accounting matches
/// what moved, the campaign always holds what it owes, and tokens follow the rate.
abstract contract CampaignInvariantBase is CampaignSetup {
    CampaignHandler internal handler;
    Campaign internal campaign;
    uint128 internal constant RATE = 1e30; // 1 token per 1 USD (6 decimals)

    function _setUp(bool native) internal {
        vm.warp(1_700_000_000);
        _deploy(250);
        // goal 2,000, cap 5,000 (in 6-decimal units, or wei for the native variant)
        campaign = _launched(native ? address(0) : address(usd), 2_000e6, 5_000e6, RATE);
        handler = new CampaignHandler(campaign, usd, OWNER, OPERATOR);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_raisedIsContributionsMinusRefunds() public view {
        assertEq(campaign.totalRaised(), handler.ghostContributed() - handler.ghostRefunded(), "raised");
    }

    function invariant_holdsWhatItOwes() public view {
        uint256 raised = campaign.totalRaised();
        uint256 fee = (raised * campaign.platformFeeBps()) / 10_000;
        bool withdrawn = campaign.withdrawn();
        bool swept = campaign.feeSwept();
        // before success: every unrefunded contribution; after success: the owner's share until
        // withdrawn plus the fee until swept
        uint256 owed = (withdrawn ? 0 : raised - fee) + (swept ? 0 : fee);
        assertEq(_held(), owed, "held == owed");
        // each part went out once, split to the wei
        assertEq(handler.ghostOwnerPaid(), withdrawn ? raised - fee : 0, "owner paid");
        assertEq(handler.ghostFeeKept(), withdrawn ? fee : 0, "fee kept at withdrawal");
        assertEq(handler.ghostFeeSwept(), swept ? fee : 0, "fee swept");
        uint256 refundable;
        for (uint256 i; i < handler.backerCount(); i++) {
            (uint256 amount, , bool refunded) = campaign.backerInfo(handler.backerAt(i));
            if (!refunded) refundable += amount;
        }
        assertEq(refundable, raised, "refundable sum");
    }

    function invariant_tokensFollowTheRate() public view {
        CampaignToken token = CampaignToken(campaign.token());
        uint256 supply;
        for (uint256 i; i < handler.backerCount(); i++) {
            address backer = handler.backerAt(i);
            (uint256 amount, bool claimed, ) = campaign.backerInfo(backer);
            assertEq(amount, handler.ghostContributionOf(backer), "contribution");
            uint256 expected = claimed ? (amount * RATE) / 1e18 : 0;
            assertEq(token.balanceOf(backer), expected, "tokens");
            assertEq(handler.ghostMinted(backer), expected, "minted");
            supply += expected;
        }
        assertEq(token.totalSupply(), supply, "supply");
        if (supply != 0) assertTrue(campaign.status() == Status.Successful, "minted only after success");
    }

    function _held() internal view virtual returns (uint256);
}

/// @notice The invariants on an ERC-20 (6 decimals) campaign.
/// forge-config: default.invariant.runs = 64
/// forge-config: default.invariant.depth = 50
contract CampaignInvariantERC20Test is CampaignInvariantBase {
    function setUp() public {
        _setUp(false);
    }

    function _held() internal view override returns (uint256) {
        return usd.balanceOf(address(campaign));
    }
}

/// @notice The invariants on a native-coin campaign.
/// forge-config: default.invariant.runs = 64
/// forge-config: default.invariant.depth = 50
contract CampaignInvariantNativeTest is CampaignInvariantBase {
    function setUp() public {
        _setUp(true);
    }

    function _held() internal view override returns (uint256) {
        return address(campaign).balance;
    }
}
