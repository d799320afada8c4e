// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPaymentEscrow} from "../interfaces/IPaymentEscrow.sol";

/**
 * @title PaymentMath
 * @notice How an amount settled to the merchant side is divided. With `settled` the amount settled
 * (the payment minus refunds, or minus the payer's share of a dispute):
 *   fee      = floor(settled * feeBps / 10_000)              (platform fee, taken first)
 *   net      = settled - fee
 *   split_i  = floor(net * bps_i / 10_000)                    (splits are shares of the net)
 *   merchant = net - sum(split_i)                             (every rounding remainder goes to the merchant)
 * so merchant + sum(split_i) + fee == settled exactly. Requires sum(bps_i) <= 10_000 (checked at pay time).
 */
library PaymentMath {
    /// @notice Basis-point denominator.
    uint256 internal constant BPS = 10_000;

    /// @notice Divides `settled` into the merchant's part, the fee and the splits.
    /// @param settled the amount settled to the merchant side
    /// @param feeBps the platform fee rate (≤ 10_000)
    /// @param splits the splits (their bps summing to ≤ 10_000)
    /// @return merchantAmount the merchant's part
    /// @return fee the platform fee
    /// @return splitAmounts each split's part, in order
    function divide(uint256 settled, uint256 feeBps, IPaymentEscrow.Split[] memory splits)
        internal
        pure
        returns (uint256 merchantAmount, uint256 fee, uint256[] memory splitAmounts)
    {
        fee = (settled * feeBps) / BPS;
        uint256 net = settled - fee;
        merchantAmount = net;
        uint256 n = splits.length;
        splitAmounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            uint256 part = (net * splits[i].bps) / BPS;
            splitAmounts[i] = part;
            merchantAmount -= part;
        }
    }
}
