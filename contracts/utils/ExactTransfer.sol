// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice The amount that arrived differs from the amount that was sent (a fee-on-transfer
/// or otherwise non-standard token). Such tokens are not supported.
/// @param token the token that was moved
/// @param expected the amount the caller asked to move
/// @param received the amount that actually arrived (0 if the balance fell during the transfer)
error UnsupportedTokenTransfer(address token, uint256 expected, uint256 received);

/**
 * @title ExactTransfer
 * @notice Pulls an exact amount of an ERC-20 into the calling contract. The transfer goes
 * through {SafeERC20} (so tokens that return nothing, like USDT, work) and the balance is
 * checked before and after, so that a token that delivers less than asked is refused
 * instead of leaving the contract owing more than it holds.
 */
library ExactTransfer {
    using SafeERC20 for IERC20;

    /// @dev Moves `amount` of `token` from `from` to this contract; reverts with
    /// {UnsupportedTokenTransfer} unless the balance rose by exactly `amount` (never with a
    /// panic, even if the balance fell).
    function pullExact(IERC20 token, address from, uint256 amount) internal {
        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        uint256 balanceAfter = token.balanceOf(address(this));
        // Compared without arithmetic that could wrap or panic: a token may even lower the
        // balance during the transfer (then `received` is reported as 0).
        if (balanceAfter < balanceBefore || balanceAfter - balanceBefore != amount) {
            uint256 received = balanceAfter > balanceBefore ? balanceAfter - balanceBefore : 0;
            revert UnsupportedTokenTransfer(address(token), amount, received);
        }
    }
}
