// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ExactTransfer} from "../utils/ExactTransfer.sol";

/// @notice Test-only: exposes ExactTransfer.pullExact so its checks can be exercised alone.
contract ExactTransferHarness {
    function pull(IERC20 token, uint256 amount) external {
        ExactTransfer.pullExact(token, msg.sender, amount);
    }
}
