// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "../utils/Vm.sol";
import {IPaymentEscrow} from "../../contracts/interfaces/IPaymentEscrow.sol";
import {PaymentEscrow} from "../../contracts/payments/PaymentEscrow.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";

/// @dev A recipient that refuses the native coin (its pushes are credited instead).
contract NativeRefuser {
    receive() external payable {
        revert("refuse");
    }
}

/// @dev Shared intent building and signing for the escrow's Solidity tests.
abstract contract EscrowTestKit is TestBase {
    /// @dev The intent id of `merchant` with salt `salt`: `bytes32(bytes20(merchant)) | uint96(salt)`.
    function _idOf(address merchant, bytes32 salt) internal pure returns (bytes32) {
        return bytes32(bytes20(merchant)) | bytes32(uint256(uint96(uint256(salt))));
    }

    /// @dev An intent of `merchant` whose id is {_idOf}(merchant, salt).
    function _intent(
        bytes32 salt,
        address merchant,
        address token,
        uint256 amount,
        IPaymentEscrow.Split[] memory splits
    ) internal view returns (IPaymentEscrow.PaymentIntent memory intent) {
        bytes32 id = _idOf(merchant, salt);
        intent = IPaymentEscrow.PaymentIntent({
            id: id,
            merchant: merchant,
            token: token,
            amount: amount,
            deadline: block.timestamp + 1 days,
            payer: address(0),
            splits: splits,
            metadataHash: keccak256(abi.encode(id))
        });
    }

    function _sign(PaymentEscrow escrow, uint256 pk, IPaymentEscrow.PaymentIntent memory intent)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, escrow.hashIntent(intent));
        return abi.encodePacked(r, s, v);
    }
}

/// @notice Fuzzes pay → partial refund → release end to end with real balances: what reached the
/// payer, the merchant, the splits and the treasury's credit adds up to the amount paid, to the wei.
contract PaymentEscrowFuzzTest is EscrowTestKit {
    uint256 internal constant MERCHANT_PK = 0xA11CE;
    PaymentEscrow internal escrow;
    MockERC20 internal token;
    address internal merchant;
    address internal treasury = address(0x7EA5);
    address internal payer = address(0xBEEF);
    address internal split1 = address(0x5111);
    address internal split2 = address(0x5222);

    function setUp() public {
        escrow = new PaymentEscrow(address(this), treasury, 0);
        token = new MockERC20("T", "T", 18);
        merchant = vm.addr(MERCHANT_PK);
        vm.prank(merchant);
        escrow.setReleaseDelay(1 days);
    }

    function testFuzz_payRefundReleaseSumsExact(
        uint96 amount,
        uint16 feeBps,
        uint16 bps1,
        uint16 bps2,
        uint96 refundSeed,
        bool native
    ) public {
        amount = uint96(bound(amount, 1, type(uint96).max));
        escrow.setFee(uint16(bound(feeBps, 0, 1_000)));
        uint256 b1 = bound(bps1, 1, 9_999);
        uint256 b2 = bound(bps2, 1, 10_000 - b1);
        IPaymentEscrow.Split[] memory splits = new IPaymentEscrow.Split[](2);
        splits[0] = IPaymentEscrow.Split(split1, uint16(b1));
        splits[1] = IPaymentEscrow.Split(split2, uint16(b2));
        address tokenAddr = native ? address(0) : address(token);
        IPaymentEscrow.PaymentIntent memory intent = _intent(keccak256("fuzz"), merchant, tokenAddr, amount, splits);
        _payAsPayer(intent);

        uint256 refunded = bound(refundSeed, 0, amount);
        if (refunded != 0) {
            vm.prank(merchant);
            escrow.refund(intent.id, refunded);
        }
        if (refunded != amount) {
            vm.warp(block.timestamp + 1 days);
            escrow.release(intent.id);
        }
        _checkSums(tokenAddr, amount, refunded);
    }

    /// @dev The contract, not only the signer, binds the chain id: after a chain-id change (a fork) an
    /// intent signed for the old chain is refused, one signed for the new chain is accepted.
    function test_chainIdChangeInvalidatesOldSignatures() public {
        IPaymentEscrow.Split[] memory none = new IPaymentEscrow.Split[](0);
        IPaymentEscrow.PaymentIntent memory intent = _intent(keccak256("fork"), merchant, address(0), 1 ether, none);
        bytes memory oldSig = _sign(escrow, MERCHANT_PK, intent);
        bytes32 oldSeparator = escrow.DOMAIN_SEPARATOR();
        vm.chainId(block.chainid + 1);
        assertTrue(escrow.DOMAIN_SEPARATOR() != oldSeparator, "separator follows the chain id");
        vm.deal(payer, 1 ether);
        vm.prank(payer);
        vm.expectRevert(IPaymentEscrow.InvalidSignature.selector);
        escrow.pay{value: 1 ether}(intent, oldSig);
        bytes memory newSig = _sign(escrow, MERCHANT_PK, intent);
        vm.prank(payer);
        escrow.pay{value: 1 ether}(intent, newSig);
        assertTrue(escrow.isPaid(intent.id), "paid with the new chain's signature");
    }

    /// @dev Ids belong to their merchant: whoever squats another merchant's id (signing its own intent
    /// with it, as its own merchant) is refused, whatever the key, salt and amount; merchantOf reads it back.
    function testFuzz_squattingAnotherMerchantsIdReverts(uint256 attackerPk, uint96 salt, uint96 amount) public {
        attackerPk = bound(attackerPk, 1, 2 ** 128);
        address attacker = vm.addr(attackerPk);
        vm.assume(attacker != merchant);
        amount = uint96(bound(amount, 1, type(uint96).max));
        IPaymentEscrow.Split[] memory none = new IPaymentEscrow.Split[](0);
        bytes32 victimId = _idOf(merchant, bytes32(uint256(salt)));
        assertTrue(escrow.merchantOf(victimId) == merchant, "merchantOf = top 20 bytes");
        IPaymentEscrow.PaymentIntent memory squat = _intent(bytes32(0), attacker, address(0), amount, none);
        squat.id = victimId;
        bytes memory sig = _sign(escrow, attackerPk, squat);
        vm.deal(attacker, amount);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IPaymentEscrow.IdNotOfMerchant.selector, victimId, attacker));
        escrow.pay{value: amount}(squat, sig);
        assertTrue(!escrow.isPaid(victimId), "victim's id still free");
    }

    function _payAsPayer(IPaymentEscrow.PaymentIntent memory intent) internal {
        bytes memory sig = _sign(escrow, MERCHANT_PK, intent);
        bool native = intent.token == address(0);
        if (native) vm.deal(payer, intent.amount);
        else token.mint(payer, intent.amount);
        vm.startPrank(payer);
        if (!native) token.approve(address(escrow), intent.amount);
        escrow.pay{value: native ? intent.amount : 0}(intent, sig);
        vm.stopPrank();
        assertEq(_bal(intent.token, payer), 0, "payer paid everything");
    }

    function _checkSums(address tokenAddr, uint256 amount, uint256 refunded) internal view {
        uint256 merchantGot = _bal(tokenAddr, merchant);
        uint256 splitsGot = _bal(tokenAddr, split1) + _bal(tokenAddr, split2);
        uint256 fee = escrow.feesAccrued(tokenAddr);
        uint256 payerGot = _bal(tokenAddr, payer);
        assertEq(merchantGot + splitsGot + fee + payerGot, amount, "merchant + splits + fee + refunds == amount");
        assertEq(payerGot, refunded, "refunds reached the payer");
        assertEq(_bal(tokenAddr, address(escrow)), fee, "escrow keeps only the accrued fee");
    }

    function _bal(address tokenAddr, address who) internal view returns (uint256) {
        return tokenAddr == address(0) ? who.balance : token.balanceOf(who);
    }
}
