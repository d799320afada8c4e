// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPaymentEscrow} from "../../contracts/interfaces/IPaymentEscrow.sol";
import {PaymentEscrow} from "../../contracts/payments/PaymentEscrow.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {TestBase} from "../utils/Vm.sol";
import {EscrowTestKit, NativeRefuser} from "./PaymentEscrow.t.sol";

/// @notice Drives the escrow with random pays (ERC-20 and native, 0–2 splits, a merchant that settles
/// at once and one that escrows), releases, refunds, disputes, resolutions, credit withdrawals and
/// time jumps, and records independently (from balance changes) what each payment paid out.
contract EscrowHandler is EscrowTestKit {
    PaymentEscrow public immutable escrow;
    MockERC20 public immutable token;
    address public immutable treasury = address(0x7EA5);
    address public immutable arbiter = address(0xA4B1);
    uint256[2] internal merchantPks = [uint256(0xA11CE), uint256(0xB0B)];

    address[] public actors; // everyone who can receive funds or credits
    address[2] public merchants;
    address[3] public payers = [address(0xBEEF1), address(0xBEEF2), address(0xBEEF3)];
    address[2] public splitRecipients;

    bytes32[] public ids;
    mapping(bytes32 id => uint256) public amountOf;
    mapping(bytes32 id => address) public tokenOf;
    mapping(bytes32 id => uint256) public paidOut;
    mapping(bytes32 id => uint256) public closings;
    uint256 internal nonce;
    /// @dev successful calls per action, to see that the run exercised each of them
    uint256 public releases;
    uint256 public refunds;
    uint256 public disputes;
    uint256 public resolutions;
    uint256 public withdrawals;
    uint256 public sweeps;
    /// @dev ids cancelled before being paid; and how often cancelling a paid id or paying a cancelled one
    /// went through (must stay 0)
    bytes32[] public cancelledIds;
    uint256 public breaches;

    constructor() {
        escrow = new PaymentEscrow(address(this), treasury, 250);
        escrow.grantRole(escrow.ARBITER_ROLE(), arbiter);
        token = new MockERC20("T", "T", 18);
        merchants[0] = vm.addr(merchantPks[0]);
        merchants[1] = vm.addr(merchantPks[1]);
        vm.prank(merchants[1]);
        escrow.setReleaseDelay(2 days);
        splitRecipients[0] = address(0x5111);
        splitRecipients[1] = address(new NativeRefuser());
        actors.push(treasury);
        actors.push(merchants[0]);
        actors.push(merchants[1]);
        for (uint256 i; i < 3; ++i) actors.push(payers[i]);
        actors.push(splitRecipients[0]);
        actors.push(splitRecipients[1]);
    }

    function idCount() external view returns (uint256) {
        return ids.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    /// @dev Sum over actors of balance + credit in `tokenAddr`, plus the accrued fees: what the escrow no
    /// longer holds for open payments.
    function outflow(address tokenAddr) public view returns (uint256 total) {
        total = escrow.feesAccrued(tokenAddr);
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            total += (tokenAddr == address(0) ? a.balance : token.balanceOf(a)) + escrow.credits(a, tokenAddr);
        }
    }

    function pay(uint256 merchantSeed, uint256 payerSeed, uint256 amount, bool native, uint256 splitSeed) external {
        uint256 m = merchantSeed % 2;
        address payer = payers[payerSeed % 3];
        amount = bound(amount, 1, 1e30);
        uint256 n = splitSeed % 3;
        IPaymentEscrow.Split[] memory splits = new IPaymentEscrow.Split[](n);
        for (uint256 i; i < n; ++i) {
            splits[i] = IPaymentEscrow.Split(splitRecipients[i], uint16(bound(splitSeed >> (16 * (i + 1)), 1, 5_000)));
        }
        address tokenAddr = native ? address(0) : address(token);
        IPaymentEscrow.PaymentIntent memory intent =
            _intent(keccak256(abi.encode("inv", nonce++)), merchants[m], tokenAddr, amount, splits);
        bytes32 id = intent.id;
        bytes memory sig = _sign(escrow, merchantPks[m], intent);
        if (native) {
            vm.deal(payer, payer.balance + amount);
        } else {
            token.mint(payer, amount);
            vm.prank(payer);
            token.approve(address(escrow), amount);
        }
        uint256 before = outflow(tokenAddr);
        vm.prank(payer);
        escrow.pay{value: native ? amount : 0}(intent, sig);
        ids.push(id);
        amountOf[id] = amount;
        tokenOf[id] = tokenAddr;
        paidOut[id] = outflow(tokenAddr) + amount - before; // non-zero only when settled at once
        if (m == 0) closings[id] = 1;
    }

    function release(uint256 idSeed, bool byMerchant, uint256 callerSeed) external {
        if (ids.length == 0) return;
        bytes32 id = ids[idSeed % ids.length];
        IPaymentEscrow.PaymentView memory p = escrow.payments(id);
        uint256 before = outflow(tokenOf[id]);
        vm.prank(byMerchant ? p.merchant : payers[callerSeed % 3]);
        try escrow.release(id) {
            closings[id] += 1;
            paidOut[id] += outflow(tokenOf[id]) - before;
            releases++;
        } catch {}
    }

    function refund(uint256 idSeed, uint256 amountSeed) external {
        if (ids.length == 0) return;
        bytes32 id = ids[idSeed % ids.length];
        IPaymentEscrow.PaymentView memory p = escrow.payments(id);
        uint256 amount = bound(amountSeed, 1, p.amount == 0 ? 1 : p.amount);
        if (amountSeed % 3 == 0) amount = p.amount == 0 ? 1 : p.amount; // often a full refund
        uint256 before = outflow(tokenOf[id]);
        vm.prank(p.merchant);
        try escrow.refund(id, amount) {
            paidOut[id] += outflow(tokenOf[id]) - before;
            refunds++;
            if (escrow.payments(id).status == IPaymentEscrow.Status.Refunded) closings[id] += 1;
        } catch {}
    }

    function openDispute(uint256 idSeed) external {
        if (ids.length == 0) return;
        bytes32 id = ids[idSeed % ids.length];
        vm.prank(escrow.payments(id).payer);
        try escrow.openDispute(id) {
            disputes++;
        } catch {}
    }

    function resolve(uint256 idSeed, uint256 shareSeed) external {
        if (ids.length == 0) return;
        bytes32 id = ids[idSeed % ids.length];
        uint256 held = escrow.payments(id).amount;
        uint256 before = outflow(tokenOf[id]);
        vm.prank(arbiter);
        try escrow.resolveDispute(id, bound(shareSeed, 0, held)) {
            closings[id] += 1;
            paidOut[id] += outflow(tokenOf[id]) - before;
            resolutions++;
        } catch {}
    }

    function withdraw(uint256 actorSeed, bool native) external {
        address a = actors[actorSeed % actors.length];
        vm.prank(a);
        // to an account that accepts: the credited accounts are the ones that refuse payouts
        // (withdrawing to themselves would fail every time and never exercise this path)
        try escrow.withdrawCredit(native ? address(0) : address(token), payers[0]) {
            withdrawals++;
        } catch {}
    }

    function sweepFees(bool native) external {
        try escrow.withdrawFees(native ? address(0) : address(token)) {
            sweeps++;
        } catch {}
    }

    /// @dev The merchant cancels a fresh id (then a payment of it must fail), or tries to cancel a paid one
    /// (must fail).
    function cancel(uint256 merchantSeed, uint256 idSeed, bool paidOne) external {
        uint256 m = merchantSeed % 2;
        if (paidOne && ids.length != 0) {
            bytes32 paid = ids[idSeed % ids.length];
            vm.prank(escrow.merchantOf(paid));
            try escrow.cancelIntent(paid) {
                breaches++;
            } catch {}
            return;
        }
        IPaymentEscrow.Split[] memory none = new IPaymentEscrow.Split[](0);
        IPaymentEscrow.PaymentIntent memory intent =
            _intent(keccak256(abi.encode("cancel", nonce++)), merchants[m], address(0), 1 ether, none);
        vm.prank(merchants[m]);
        escrow.cancelIntent(intent.id);
        cancelledIds.push(intent.id);
        bytes memory sig = _sign(escrow, merchantPks[m], intent);
        vm.deal(payers[0], payers[0].balance + 1 ether);
        vm.prank(payers[0]);
        try escrow.pay{value: 1 ether}(intent, sig) {
            breaches++;
        } catch {
            vm.deal(payers[0], payers[0].balance - 1 ether);
        }
    }

    function cancelledCount() external view returns (uint256) {
        return cancelledIds.length;
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 0, 3 days));
    }
}

/// @notice Escrow invariants: per token the escrow holds exactly the open payments plus the credits plus
/// the accrued fees;
/// a payment is closed (released, fully refunded or resolved) at most once; and for every payment
/// merchant + splits + fee + refunds (all measured from balance changes) + what is still held == amount.
contract PaymentEscrowInvariantTest is TestBase {
    EscrowHandler internal handler;

    function setUp() public {
        handler = new EscrowHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// forge-config: default.invariant.runs = 48
    /// forge-config: default.invariant.depth = 40
    function invariant_escrowHoldsOpenPaymentsPlusCredits() public view {
        PaymentEscrow escrow = handler.escrow();
        address tokenAddr = address(handler.token());
        uint256 heldNative;
        uint256 heldToken;
        for (uint256 i; i < handler.idCount(); ++i) {
            bytes32 id = handler.ids(i);
            IPaymentEscrow.PaymentView memory p = escrow.payments(id);
            bool open = p.status == IPaymentEscrow.Status.Held || p.status == IPaymentEscrow.Status.Disputed;
            if (!open) assertEq(p.amount, 0, "closed payment holds nothing");
            if (handler.tokenOf(id) == address(0)) heldNative += p.amount;
            else heldToken += p.amount;
        }
        uint256 creditsNative;
        uint256 creditsToken;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            creditsNative += escrow.credits(a, address(0));
            creditsToken += escrow.credits(a, tokenAddr);
        }
        creditsNative += escrow.feesAccrued(address(0));
        creditsToken += escrow.feesAccrued(tokenAddr);
        assertEq(address(escrow).balance, heldNative + creditsNative, "native: balance == held + credits + fees");
        assertEq(handler.token().balanceOf(address(escrow)), heldToken + creditsToken, "token: balance == held + credits + fees");
    }

    /// forge-config: default.invariant.runs = 48
    /// forge-config: default.invariant.depth = 40
    function invariant_closedAtMostOnceAndSumsExact() public view {
        PaymentEscrow escrow = handler.escrow();
        for (uint256 i; i < handler.idCount(); ++i) {
            bytes32 id = handler.ids(i);
            IPaymentEscrow.PaymentView memory p = escrow.payments(id);
            bool open = p.status == IPaymentEscrow.Status.Held || p.status == IPaymentEscrow.Status.Disputed;
            assertEq(handler.closings(id), open ? 0 : 1, "closed exactly once when closed, never while open");
            assertEq(handler.paidOut(id) + p.amount, handler.amountOf(id), "merchant + splits + fee + refunds + held == amount");
        }
    }

    /// forge-config: default.invariant.runs = 48
    /// forge-config: default.invariant.depth = 40
    function invariant_cancelledIdsStayUnpaid() public view {
        PaymentEscrow escrow = handler.escrow();
        assertEq(handler.breaches(), 0, "no paid id cancelled, no cancelled id paid");
        for (uint256 i; i < handler.cancelledCount(); ++i) {
            bytes32 id = handler.cancelledIds(i);
            assertTrue(escrow.payments(id).status == IPaymentEscrow.Status.Cancelled, "cancelled stays cancelled");
            assertTrue(!escrow.isPaid(id), "a cancelled id is not paid");
        }
    }
}
