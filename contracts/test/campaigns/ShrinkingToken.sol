// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test-only token whose `transferFrom` moves the amount and then burns twice that
/// from the receiver, so the receiver's balance falls during a pull (as a negative rebase or
/// a seizure by the token's admin in the middle of the transfer could make it fall).
contract ShrinkingToken is ERC20 {
    constructor() ERC20("Shrinking Token", "SHRINK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        super.transferFrom(from, to, value);
        _burn(to, 2 * value);
        return true;
    }
}
