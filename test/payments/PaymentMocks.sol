// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @notice Test-only smart-account merchant: validates intents by ERC-1271 (its owner's ECDSA signature),
/// forwards calls from its owner, and can be told to refuse the native coin.
contract MockContractMerchant is IERC1271 {
    address public immutable owner;
    bool public acceptNative = true;

    constructor(address owner_) {
        owner = owner_;
    }

    function setAcceptNative(bool accept) external {
        acceptNative = accept;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError && recovered == owner ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }

    function exec(address target, bytes calldata data) external returns (bytes memory ret) {
        require(msg.sender == owner, "owner");
        bool ok;
        (ok, ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    receive() external payable {
        require(acceptNative, "no native");
    }
}

/// @notice Test-only recipient that burns all the gas it is given on receiving the native coin.
contract MockGasBurner {
    uint256 public sink;

    receive() external payable {
        while (true) {
            sink += 1;
        }
    }
}
