// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/**
 * @title DevStablecoin
 * @notice A USD stablecoin for local development and test networks: 6 decimals like USDC,
 * EIP-2612 permit, minted only by its owner (the deployer, who funds demo accounts).
 * It has no value and is never deployed to a production network.
 */
contract DevStablecoin is ERC20, ERC20Permit, Ownable {
    /// @param initialOwner the account allowed to mint
    constructor(address initialOwner) ERC20("Crowdstake Dev USD", "cUSD") ERC20Permit("Crowdstake Dev USD") Ownable(initialOwner) {}

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` (6 decimals) to `to`. Only the owner.
    /// @param to the receiver
    /// @param amount the amount in base units
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
