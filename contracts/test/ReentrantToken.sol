// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test-only token that, once armed, calls back into a target during its next
/// transfer (as an ERC-777 hook or a malicious token could). The callback's revert is
/// bubbled up, so a test sees the target's reentrancy error on the outer call.
contract ReentrantToken is ERC20 {
    address public hookTarget;
    bytes public hookPayload;

    constructor() ERC20("Reentrant Token", "REENTER") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Calls `target_` with `payload_` during the next transfer (one shot).
    function arm(address target_, bytes calldata payload_) external {
        hookTarget = target_;
        hookPayload = payload_;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address callee = hookTarget;
        if (callee != address(0) && from != address(0) && to != address(0)) {
            hookTarget = address(0);
            (bool ok, bytes memory ret) = callee.call(hookPayload);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
    }
}
