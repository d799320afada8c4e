// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20PermitUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICampaign, ICampaignToken} from "../interfaces/ICampaign.sol";

/**
 * @title CampaignToken
 * @notice The ERC-20 (18 decimals, EIP-2612 permit) that a campaign mints to its backers
 * after success. Deployed by the {CampaignFactory} as an EIP-1167 clone of this
 * implementation whose immutable argument is its campaign; only that campaign can mint,
 * and nobody can burn or pause it. Only the campaign's factory can initialise a clone, but
 * anyone can deploy a clone naming any campaign: a token `t` is authentic only when
 * `factory.isCampaign(t.campaign()) && ICampaign(t.campaign()).token() == t`.
 */
contract CampaignToken is ICampaignToken, ERC20PermitUpgradeable {
    /// @notice The caller is not the token's campaign.
    /// @param caller the caller
    error OnlyCampaign(address caller);
    /// @notice The caller is not the factory of the token's campaign.
    /// @param caller the caller
    error OnlyFactory(address caller);

    /// @dev the implementation itself can never be initialised
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a fresh clone; callable once, only by its campaign's factory
    /// (`ICampaign(campaign()).factory()`), in the creating transaction (the campaign is the
    /// clone's immutable argument).
    /// @param name_ the token name (also the EIP-712 domain name of its permits)
    /// @param symbol_ the token symbol
    function initialize(string calldata name_, string calldata symbol_) external initializer {
        if (msg.sender != ICampaign(campaign()).factory()) revert OnlyFactory(msg.sender);
        __ERC20_init(name_, symbol_);
        __ERC20Permit_init(name_);
    }

    /// @inheritdoc ICampaignToken
    function mint(address to, uint256 amount) external {
        if (msg.sender != campaign()) revert OnlyCampaign(msg.sender);
        _mint(to, amount);
    }

    /// @inheritdoc ICampaignToken
    /// @dev An immutable argument of the clone (the 20 bytes after the EIP-1167 code).
    function campaign() public view returns (address) {
        return address(bytes20(Clones.fetchCloneArgs(address(this))));
    }
}
