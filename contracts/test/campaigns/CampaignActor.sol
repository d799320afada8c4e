// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Test-only contract account for the campaign tests: forwards calls (bubbling
/// reverts), can refuse native coin, and can re-enter a target when it receives native coin.
contract CampaignActor {
    bool public rejectNative;
    address public reenterTarget;
    bytes public reenterPayload;

    function setRejectNative(bool reject) external {
        rejectNative = reject;
    }

    /// @notice On the next native receipt, call `target` with `payload` (one shot), bubbling its revert.
    function armReentry(address target, bytes calldata payload) external {
        reenterTarget = target;
        reenterPayload = payload;
    }

    function execute(address target, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = target.call{value: msg.value}(data);
        if (!ok) _bubble(ret);
        return ret;
    }

    receive() external payable {
        if (rejectNative) revert("CampaignActor: no native coin");
        address target = reenterTarget;
        if (target != address(0)) {
            reenterTarget = address(0);
            (bool ok, bytes memory ret) = target.call(reenterPayload);
            if (!ok) _bubble(ret);
        }
    }

    function _bubble(bytes memory ret) private pure {
        assembly ("memory-safe") {
            revert(add(ret, 32), mload(ret))
        }
    }
}
