// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPaymentEscrow} from "../interfaces/IPaymentEscrow.sol";

// The type strings are hashed at compile time (constants): their length costs no gas.
/**
 * @title PaymentIntentHash
 * @notice EIP-712 struct hashing of {IPaymentEscrow-PaymentIntent}. The typed data is
 * `PaymentIntent(bytes32 id,address merchant,address token,uint256 amount,uint256 deadline,address payer,Split[] splits,bytes32 metadataHash)Split(address recipient,uint16 bps)`
 * and the array member is hashed as EIP-712 requires: keccak256 of the concatenated struct hashes of its elements.
 */
library PaymentIntentHash {
    /// @notice EIP-712 type hash of a split.
    // solhint-disable gas-small-strings
    bytes32 internal constant SPLIT_TYPEHASH = keccak256("Split(address recipient,uint16 bps)");

    /// @notice EIP-712 type hash of a payment intent (the referenced Split type appended, as EIP-712 orders it).
    bytes32 internal constant PAYMENT_INTENT_TYPEHASH = keccak256(
        "PaymentIntent(bytes32 id,address merchant,address token,uint256 amount,uint256 deadline,address payer,Split[] splits,bytes32 metadataHash)Split(address recipient,uint16 bps)"
    );
    // solhint-enable gas-small-strings

    /// @notice The EIP-712 struct hash of `intent` (to be wrapped by the domain separator).
    /// @dev Hashes the calldata words as they are; the escrow reads every address member through the
    /// ABI decoder before it accepts a payment, so dirty upper bits are refused there.
    /// @param intent the intent
    /// @return structHash hashStruct(intent)
    function hashStruct(IPaymentEscrow.PaymentIntent calldata intent) internal pure returns (bytes32 structHash) {
        bytes32 splitsHash = hashSplits(intent.splits);
        bytes32 typeHash = PAYMENT_INTENT_TYPEHASH;
        assembly ("memory-safe") {
            // scratch memory above the free memory pointer; the pointer is not moved
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            calldatacopy(add(ptr, 0x20), intent, 0xc0) // id, merchant, token, amount, deadline, payer
            mstore(add(ptr, 0xe0), splitsHash)
            mstore(add(ptr, 0x100), calldataload(add(intent, 0xe0))) // metadataHash
            structHash := keccak256(ptr, 0x120)
        }
    }

    /// @notice The EIP-712 encoding of a `Split[]` member: keccak256 of the elements' struct hashes.
    /// @param splits the splits
    /// @return splitsHash the array's hash (keccak256 of nothing for an empty array)
    function hashSplits(IPaymentEscrow.Split[] calldata splits) internal pure returns (bytes32 splitsHash) {
        bytes32 typeHash = SPLIT_TYPEHASH;
        assembly ("memory-safe") {
            let n := splits.length
            let hashes := mload(0x40)
            let buf := add(hashes, shl(5, n))
            mstore(buf, typeHash)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                // each Split is a static (recipient, bps) tuple of two words, inline in calldata
                calldatacopy(add(buf, 0x20), add(splits.offset, shl(6, i)), 0x40)
                mstore(add(hashes, shl(5, i)), keccak256(buf, 0x60))
            }
            splitsHash := keccak256(hashes, shl(5, n))
        }
    }
}
