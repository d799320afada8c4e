// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Sending the native coin failed (the receiver reverted); nothing changed.
/// @param to the receiver
/// @param amount the amount
error NativeTransferFailed(address to, uint256 amount);

/**
 * @title AssetTransfer
 * @notice Pays out an asset that is either the native coin (`address(0)`) or an ERC-20, the
 * one payout path of the contracts that hold both kinds (campaigns, the payment escrow). A
 * receiver that refuses the native coin makes the call revert with {NativeTransferFailed};
 * ERC-20 transfers go through {SafeERC20}.
 */
library AssetTransfer {
    using SafeERC20 for IERC20;

    /// @dev Sends `amount` of `asset` (the native coin when zero) to `to`, forwarding all gas.
    function send(address asset, address to, uint256 amount) internal {
        if (asset == address(0)) {
            (bool ok, ) = to.call{value: amount}("");
            if (!ok) revert NativeTransferFailed(to, amount);
        } else {
            IERC20(asset).safeTransfer(to, amount);
        }
    }
}
