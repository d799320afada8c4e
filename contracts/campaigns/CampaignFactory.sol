// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// The inclusive/exclusive comparisons state the specified boundaries (start <= now < end, cap, indexes).
// solhint-disable gas-strict-inequalities

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICampaign, CampaignParams} from "../interfaces/ICampaign.sol";
import {ICampaignFactory} from "../interfaces/ICampaignFactory.sol";
import {IStakingPoolInit, PoolConfig} from "../interfaces/IStakingPoolInit.sol";
import {CampaignToken} from "./CampaignToken.sol";

/**
 * @title CampaignFactory
 * @notice Creates campaigns as EIP-1167 clones of a {Campaign} implementation, each with its
 * {CampaignToken} (also a clone) and, if asked, a staking pool of that token (a clone of the
 * StakingPool implementation); creates standalone pools too. It holds the platform's roles,
 * which the campaigns read: the admin (fee, treasury, may launch/cancel any campaign), the
 * campaign creators and the on-ramp operators (who may call `contributeFor` on any campaign).
 * Each campaign fixes the factory's platform fee when it is launched; the treasury is read by
 * the campaigns when they pay the fee out. The factory also keeps the platform-wide registry of
 * settled on-ramp order references, so that each reference is used once across all campaigns.
 *
 * A token `t` and campaign `c` are authentic when `isCampaign(c) && ICampaign(c).token() == t`.
 */
contract CampaignFactory is ICampaignFactory, AccessControl {
    /// @notice May create campaigns and pools.
    bytes32 public constant CAMPAIGN_CREATOR_ROLE = keccak256("CAMPAIGN_CREATOR_ROLE");
    /// @notice May settle on-ramp orders on any campaign (`contributeFor`).
    bytes32 public constant ONRAMP_OPERATOR_ROLE = keccak256("ONRAMP_OPERATOR_ROLE");
    /// @notice Highest platform fee: 10%.
    uint16 public constant MAX_FEE_BPS = 1_000;

    /// @notice The Campaign implementation every campaign clones.
    address public immutable campaignImplementation;
    /// @notice The CampaignToken implementation every token clones.
    address public immutable tokenImplementation;
    /// @notice The StakingPool implementation every pool clones.
    address public immutable poolImplementation;

    /// @inheritdoc ICampaignFactory
    address public treasury;
    /// @inheritdoc ICampaignFactory
    uint16 public platformFeeBps;

    address[] private _campaigns;
    address[] private _pools;
    /// @inheritdoc ICampaignFactory
    mapping(address account => bool) public isCampaign;
    /// @inheritdoc ICampaignFactory
    mapping(address account => bool) public isPool;
    /// @inheritdoc ICampaignFactory
    mapping(bytes32 onrampRef => bool) public onrampRefUsed;

    /// @param admin receives DEFAULT_ADMIN_ROLE (grants the other roles)
    /// @param treasury_ receives the platform fees
    /// @param platformFeeBps_ the platform fee fixed by campaigns at launch (<= MAX_FEE_BPS)
    /// @param campaignImplementation_ the Campaign implementation
    /// @param tokenImplementation_ the CampaignToken implementation
    /// @param poolImplementation_ the StakingPool implementation
    constructor(
        address admin,
        address treasury_,
        uint16 platformFeeBps_,
        address campaignImplementation_,
        address tokenImplementation_,
        address poolImplementation_
    ) {
        if (
            admin == address(0) ||
            campaignImplementation_ == address(0) ||
            tokenImplementation_ == address(0) ||
            poolImplementation_ == address(0)
        ) revert FactoryZeroAddress();
        campaignImplementation = campaignImplementation_;
        tokenImplementation = tokenImplementation_;
        poolImplementation = poolImplementation_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setTreasury(treasury_);
        _setPlatformFee(platformFeeBps_);
    }

    /// @inheritdoc ICampaignFactory
    function createCampaign(
        CampaignParams calldata params,
        string calldata tokenName,
        string calldata tokenSymbol,
        bool withPool,
        PoolConfig calldata poolConfig
    ) external onlyRole(CAMPAIGN_CREATOR_ROLE) returns (address campaign, address token, address pool) {
        (campaign, token) = _cloneCampaign(params, tokenName, tokenSymbol);
        if (withPool) {
            PoolConfig memory config = poolConfig;
            config.stakingToken = token;
            pool = _createPool(config, campaign);
        }
        _emitCampaignCreated(campaign, token, pool, params, tokenName, tokenSymbol);
    }

    /// @inheritdoc ICampaignFactory
    function createPool(PoolConfig calldata config) external onlyRole(CAMPAIGN_CREATOR_ROLE) returns (address pool) {
        pool = _createPool(config, address(0));
    }

    /// @inheritdoc ICampaignFactory
    function setPlatformFee(uint16 feeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setPlatformFee(feeBps);
    }

    /// @inheritdoc ICampaignFactory
    function consumeOnrampRef(bytes32 onrampRef) external {
        if (!isCampaign[msg.sender]) revert NotCampaign(msg.sender);
        if (onrampRefUsed[onrampRef]) revert OnrampRefUsed(onrampRef);
        onrampRefUsed[onrampRef] = true;
    }

    /// @inheritdoc ICampaignFactory
    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(newTreasury);
    }

    /// @inheritdoc ICampaignFactory
    function campaignCount() external view returns (uint256) {
        return _campaigns.length;
    }

    /// @inheritdoc ICampaignFactory
    function poolCount() external view returns (uint256) {
        return _pools.length;
    }

    /// @inheritdoc ICampaignFactory
    function campaignAt(uint256 index) external view returns (address) {
        uint256 count = _campaigns.length;
        if (index >= count) revert IndexOutOfBounds(index, count);
        return _campaigns[index];
    }

    /// @inheritdoc ICampaignFactory
    function poolAt(uint256 index) external view returns (address) {
        uint256 count = _pools.length;
        if (index >= count) revert IndexOutOfBounds(index, count);
        return _pools[index];
    }

    /// @dev Clones and initialises a campaign and its token, and records the campaign.
    function _cloneCampaign(CampaignParams calldata params, string calldata tokenName, string calldata tokenSymbol)
        private
        returns (address campaign, address token)
    {
        // immutable clone arguments: the campaign knows its factory, the token its campaign
        campaign = Clones.cloneWithImmutableArgs(campaignImplementation, abi.encodePacked(address(this)));
        token = Clones.cloneWithImmutableArgs(tokenImplementation, abi.encodePacked(campaign));
        CampaignToken(token).initialize(tokenName, tokenSymbol);
        ICampaign(campaign).initialize(params, token);
        isCampaign[campaign] = true;
        _campaigns.push(campaign);
    }

    /// @dev Emits {CampaignCreated} for the campaign just recorded (kept apart for the stack).
    function _emitCampaignCreated(
        address campaign,
        address token,
        address pool,
        CampaignParams calldata params,
        string calldata tokenName,
        string calldata tokenSymbol
    ) private {
        emit CampaignCreated(
            campaign,
            params.owner,
            token,
            pool,
            _campaigns.length - 1,
            platformFeeBps,
            tokenName,
            tokenSymbol,
            params
        );
    }

    /// @dev Clones and initialises a pool, records it and emits {PoolCreated}.
    function _createPool(PoolConfig memory config, address campaign) private returns (address pool) {
        pool = Clones.clone(poolImplementation);
        IStakingPoolInit(pool).initialize(config);
        isPool[pool] = true;
        uint256 index = _pools.length;
        _pools.push(pool);
        emit PoolCreated(pool, campaign, config.stakingToken, index, config);
    }

    function _setPlatformFee(uint16 feeBps) private {
        if (feeBps > MAX_FEE_BPS) revert FeeTooHigh(feeBps, MAX_FEE_BPS);
        emit FeeUpdated(platformFeeBps, feeBps);
        platformFeeBps = feeBps;
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert FactoryZeroAddress();
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }
}
