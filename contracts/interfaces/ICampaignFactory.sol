// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Amounts and times in events are data, not filter keys: only accounts and references are indexed.
// solhint-disable gas-indexed-events

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {CampaignParams} from "./ICampaign.sol";
import {PoolConfig} from "./IStakingPoolInit.sol";

/// @notice Creates campaigns (with their tokens and, optionally, staking pools) as EIP-1167
/// clones, holds the platform roles, fee and treasury that the campaigns read.
interface ICampaignFactory is IAccessControl {
    /// @notice A campaign was created (as a Draft) with its token and, if asked, its pool.
    /// @param campaign the campaign (clone)
    /// @param owner the campaign owner (receives the funds)
    /// @param token the campaign token (clone)
    /// @param pool the staking pool of the campaign token, or zero
    /// @param index the campaign's position in the factory's list (0-based)
    /// @param platformFeeBps the factory's platform fee at creation, for display only: the fee
    /// that applies is the factory's fee when the campaign is launched (see `Launched`)
    /// @param tokenName the token's name
    /// @param tokenSymbol the token's symbol
    /// @param params the campaign parameters (asset, goal, cap, start, end, rate, limits, metadata URI)
    event CampaignCreated(
        address indexed campaign,
        address indexed owner,
        address indexed token,
        address pool,
        uint256 index,
        uint16 platformFeeBps,
        string tokenName,
        string tokenSymbol,
        CampaignParams params
    );

    /// @notice A staking pool was created (for a new campaign's token, or standalone).
    /// @param pool the pool (clone)
    /// @param campaign the campaign whose token it stakes, or zero for a standalone pool
    /// @param stakingToken the token staked
    /// @param index the pool's position in the factory's list (0-based)
    /// @param config the configuration it was initialised with (stakingToken as above)
    event PoolCreated(
        address indexed pool,
        address indexed campaign,
        address indexed stakingToken,
        uint256 index,
        PoolConfig config
    );

    /// @notice The platform fee for campaigns launched from now on changed.
    /// @param oldFeeBps the previous fee
    /// @param newFeeBps the new fee
    event FeeUpdated(uint16 oldFeeBps, uint16 newFeeBps);

    /// @notice The treasury that receives platform fees changed (applies to every campaign).
    /// @param oldTreasury the previous treasury
    /// @param newTreasury the new treasury
    event TreasuryUpdated(address indexed oldTreasury, address indexed newTreasury);

    /// @notice An address that must be set is zero.
    error FactoryZeroAddress();
    /// @notice The fee is above MAX_FEE_BPS.
    /// @param feeBps the fee asked
    /// @param maxFeeBps the maximum
    error FeeTooHigh(uint16 feeBps, uint16 maxFeeBps);
    /// @notice The index is past the end of the list.
    /// @param index the index
    /// @param count the list's length
    error IndexOutOfBounds(uint256 index, uint256 count);
    /// @notice The caller is not a campaign this factory created.
    /// @param caller the caller
    error NotCampaign(address caller);
    /// @notice The on-ramp reference was already settled on a campaign of this factory.
    /// @param onrampRef the reference
    error OnrampRefUsed(bytes32 onrampRef);

    /// @notice Creates a Draft campaign with its token and, if `withPool`, a staking pool of that token.
    /// @param params the campaign parameters
    /// @param tokenName the campaign token's name
    /// @param tokenSymbol the campaign token's symbol
    /// @param withPool whether to create a staking pool for the token
    /// @param poolConfig the pool's configuration (its stakingToken is replaced by the new token; ignored without a pool)
    /// @return campaign the campaign
    /// @return token the token
    /// @return pool the pool, or zero
    function createCampaign(
        CampaignParams calldata params,
        string calldata tokenName,
        string calldata tokenSymbol,
        bool withPool,
        PoolConfig calldata poolConfig
    ) external returns (address campaign, address token, address pool);

    /// @notice Creates a standalone staking pool.
    /// @param config the pool's configuration
    /// @return pool the pool
    function createPool(PoolConfig calldata config) external returns (address pool);

    /// @notice Sets the platform fee for campaigns launched from now on (a campaign fixes the
    /// factory's fee when it is launched). Admin only.
    /// @param feeBps the fee in basis points (<= MAX_FEE_BPS)
    function setPlatformFee(uint16 feeBps) external;

    /// @notice Marks an on-ramp order reference as settled, platform-wide; called by a
    /// campaign of this factory in its `contributeFor`. The campaign's `Contributed` event
    /// (which carries the reference) records it; the factory emits nothing.
    /// @param onrampRef the reference (the campaign has refused zero)
    function consumeOnrampRef(bytes32 onrampRef) external;

    /// @notice Whether an on-ramp order reference has been settled on any campaign of this factory.
    /// @param onrampRef the reference
    /// @return whether it was used
    function onrampRefUsed(bytes32 onrampRef) external view returns (bool);

    /// @notice Sets the treasury that receives the platform fees of every campaign. Admin only.
    /// @param newTreasury the treasury (non-zero)
    function setTreasury(address newTreasury) external;

    /// @notice The treasury that receives platform fees.
    /// @return the treasury
    function treasury() external view returns (address);

    /// @notice The platform fee in basis points that a campaign launched now fixes.
    /// @return the fee
    function platformFeeBps() external view returns (uint16);

    /// @notice Whether `account` is a campaign this factory created.
    /// @param account the address
    /// @return whether it is
    function isCampaign(address account) external view returns (bool);

    /// @notice Whether `account` is a staking pool this factory created.
    /// @param account the address
    /// @return whether it is
    function isPool(address account) external view returns (bool);

    /// @notice How many campaigns this factory created.
    /// @return the count
    function campaignCount() external view returns (uint256);

    /// @notice How many staking pools this factory created.
    /// @return the count
    function poolCount() external view returns (uint256);

    /// @notice The `index`-th campaign created.
    /// @param index 0-based
    /// @return the campaign
    function campaignAt(uint256 index) external view returns (address);

    /// @notice The `index`-th pool created.
    /// @param index 0-based
    /// @return the pool
    function poolAt(uint256 index) external view returns (address);
}
