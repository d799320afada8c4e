// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "../utils/Vm.sol";
import {IPaymentEscrow} from "../../contracts/interfaces/IPaymentEscrow.sol";
import {PaymentMath} from "../../contracts/payments/PaymentMath.sol";

/// @notice Fuzzes the fee and split arithmetic: the parts always add up to the settled amount to the
/// wei, the fee and splits are the floors of their exact shares, and every remainder goes to the merchant.
contract PaymentMathTest is TestBase {
    function _splits(uint256 n, uint256 seed) internal pure returns (IPaymentEscrow.Split[] memory splits) {
        splits = new IPaymentEscrow.Split[](n);
        uint256 left = 10_000;
        for (uint256 i; i < n; ++i) {
            uint256 bps = left == 0 ? 0 : bound(uint256(keccak256(abi.encode(seed, i))), 0, left);
            left -= bps;
            splits[i] = IPaymentEscrow.Split(address(uint160(i + 1)), uint16(bps));
        }
    }

    function testFuzz_partsSumToSettled(uint96 settled, uint16 feeBps, uint8 count, uint256 seed) public pure {
        uint256 fee_ = bound(feeBps, 0, 1_000);
        IPaymentEscrow.Split[] memory splits = _splits(bound(count, 0, 5), seed);
        (uint256 merchantAmount, uint256 fee, uint256[] memory parts) = PaymentMath.divide(settled, fee_, splits);
        uint256 total = merchantAmount + fee;
        uint256 net = uint256(settled) - fee;
        uint256 exactRemainders;
        for (uint256 i; i < parts.length; ++i) {
            total += parts[i];
            assertEq(parts[i], (net * splits[i].bps) / 10_000, "split is floor of its share of the net");
            exactRemainders += (net * splits[i].bps) % 10_000;
        }
        assertEq(total, settled, "merchant + splits + fee == settled");
        assertEq(fee, (uint256(settled) * fee_) / 10_000, "fee is floor of its share");
        // the merchant gets its exact share plus every rounding remainder (< 1 wei per split)
        uint256 bpsSum;
        for (uint256 i; i < splits.length; ++i) bpsSum += splits[i].bps;
        assertGe(merchantAmount * 10_000, net * (10_000 - bpsSum), "merchant at least its exact share");
        assertEq(merchantAmount * 10_000, net * (10_000 - bpsSum) + exactRemainders, "merchant = exact share + remainders");
    }

    function testFuzz_fullSplitsLeaveOnlyRemainders(uint96 settled, uint16 feeBps) public pure {
        IPaymentEscrow.Split[] memory splits = new IPaymentEscrow.Split[](3);
        splits[0] = IPaymentEscrow.Split(address(1), 3_333);
        splits[1] = IPaymentEscrow.Split(address(2), 3_333);
        splits[2] = IPaymentEscrow.Split(address(3), 3_334);
        (uint256 merchantAmount, uint256 fee, uint256[] memory parts) =
            PaymentMath.divide(settled, bound(feeBps, 0, 1_000), splits);
        assertLe(merchantAmount, 2, "with 100% in splits the merchant keeps only rounding remainders");
        assertEq(merchantAmount + fee + parts[0] + parts[1] + parts[2], settled, "sum");
    }
}
