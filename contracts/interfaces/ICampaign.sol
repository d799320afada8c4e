// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Amounts and times in events are data, not filter keys: only accounts and references are indexed.
// solhint-disable gas-indexed-events

/// @notice The configuration of a campaign, fixed at launch. Amounts are in base units of
/// `asset` (wei for the native coin, 1e-6 for a 6-decimal stablecoin).
struct CampaignParams {
    /// @dev receives the funds (less the platform fee) after success; manages the campaign
    address owner;
    /// @dev first second (inclusive) in which contributions are accepted
    uint64 start;
    /// @dev the token contributed, `address(0)` for the native coin
    address asset;
    /// @dev first second in which contributions are no longer accepted (exclusive end)
    uint64 end;
    /// @dev amount that must be raised for the campaign to succeed (> 0)
    uint128 goal;
    /// @dev most that may be raised (0 = no cap, else >= goal); reaching it ends the campaign
    uint128 cap;
    /// @dev smallest contribution (a smaller one is accepted only if it fills the cap exactly)
    uint128 minContribution;
    /// @dev largest total one backer may contribute (0 = no limit, else >= minContribution)
    uint128 maxPerBacker;
    /// @dev campaign-token base units per base unit of asset, 1e18 fixed point:
    /// tokens = amount * rate / 1e18 (> 0)
    uint128 rate;
    /// @dev off-chain metadata (name, description, image), e.g. an ipfs:// or https:// URI
    string metadataURI;
}

/// @notice The state of a campaign, derived from its stored stage, its totals and the time.
enum Status {
    /// created, not launched: the owner may still change the parameters; closed
    Draft,
    /// launched, but `block.timestamp < start`: parameters frozen; closed
    Scheduled,
    /// launched and `start <= block.timestamp < end` and the cap not reached: open
    Active,
    /// goal reached by the end, cap reached, or finalised early: claims and withdrawal open
    Successful,
    /// end passed below the goal: refunds open
    Failed,
    /// cancelled by the owner or the factory admin before success: refunds open
    Cancelled
}

/// @notice The token a campaign mints to its backers.
interface ICampaignToken {
    /// @notice Mints `amount` to `to`; only the token's campaign may call it.
    /// @param to the receiver
    /// @param amount the amount, 18 decimals
    function mint(address to, uint256 amount) external;

    /// @notice The campaign allowed to mint.
    /// @return the campaign's address
    function campaign() external view returns (address);
}

/// @notice A crowdfunding campaign (an EIP-1167 clone created by the CampaignFactory).
interface ICampaign {
    // ------------------------------------------------------------------ events

    /// @notice The owner (or the factory admin) changed the parameters of a draft.
    /// @param params the new parameters, complete
    event ParamsUpdated(CampaignParams params);

    /// @notice The campaign was launched: parameters are frozen, the platform fee is fixed
    /// (read from the factory now) and it opens at `start`.
    /// @param caller the owner or the factory admin
    /// @param start first second of the contribution window
    /// @param end first second after the contribution window
    /// @param platformFeeBps the platform fee fixed for this campaign, in basis points
    event Launched(address indexed caller, uint64 start, uint64 end, uint16 platformFeeBps);

    /// @notice A contribution was booked for `backer`.
    /// @param backer the account credited (receives the tokens or the refund)
    /// @param payer the account that paid (the backer, or the on-ramp operator)
    /// @param onrampRef the on-ramp order reference, zero when the backer paid directly
    /// @param amount the amount contributed, in base units of the asset
    /// @param backerTotal the backer's total contribution after this one
    /// @param totalRaised the campaign's total raised after this one
    event Contributed(
        address indexed backer,
        address indexed payer,
        bytes32 indexed onrampRef,
        uint256 amount,
        uint256 backerTotal,
        uint256 totalRaised
    );

    /// @notice The owner closed the campaign early as successful, the goal being met.
    /// @param totalRaised the final total raised
    event Finalized(uint256 totalRaised);

    /// @notice The campaign was cancelled; backers may take refunds.
    /// @param caller the owner or the factory admin
    /// @param totalRaised the total raised at that moment (now refundable)
    event Cancelled(address indexed caller, uint256 totalRaised);

    /// @notice A backer's campaign tokens were minted (by `claimTokens` or `claimTokensFor`).
    /// @param backer the backer (and receiver)
    /// @param contribution the backer's total contribution
    /// @param tokens the tokens minted: contribution * rate / 1e18
    event TokensClaimed(address indexed backer, uint256 contribution, uint256 tokens);

    /// @notice A backer's contribution to a failed or cancelled campaign was returned
    /// (by `refund`, `refundTo` or `refundFor`).
    /// @param backer the backer whose contribution was returned
    /// @param to the account that received it (the backer, except with `refundTo`)
    /// @param amount the amount returned
    /// @param totalRaised the campaign's total raised after the refund
    event Refunded(address indexed backer, address indexed to, uint256 amount, uint256 totalRaised);

    /// @notice The owner withdrew the funds of a successful campaign, less the platform fee,
    /// which stays in the campaign until {sweepFee} sends it to the treasury.
    /// @param owner the campaign owner (the caller)
    /// @param to the account that received `amount` (the owner, except with `withdrawTo`)
    /// @param amount what `to` received: totalRaised - fee
    /// @param fee the platform fee kept for the treasury: totalRaised * platformFeeBps / 10,000
    event Withdrawn(address indexed owner, address indexed to, uint256 amount, uint256 fee);

    /// @notice The platform fee of a successful campaign was sent to the factory's treasury.
    /// @param treasury the treasury that received it (the factory's at that moment)
    /// @param caller who triggered it (anyone may)
    /// @param fee the fee sent
    event FeeSwept(address indexed treasury, address indexed caller, uint256 fee);

    // ------------------------------------------------------------------ errors

    /// @notice An address that must be set is zero.
    error ZeroAddress();
    /// @notice The owner is an address that could never withdraw: the campaign itself, its
    /// token or its factory.
    /// @param owner the owner refused
    error InvalidOwner(address owner);
    /// @notice A payout receiver is zero, the campaign itself, its token or its factory (the
    /// money would be lost).
    /// @param to the receiver refused
    error InvalidReceiver(address to);
    /// @notice The goal is zero.
    error InvalidGoal();
    /// @notice The cap is set and below the goal.
    /// @param cap the cap
    /// @param goal the goal
    error InvalidCap(uint256 cap, uint256 goal);
    /// @notice The window is empty (`start >= end`).
    /// @param start the start
    /// @param end the end
    error InvalidSchedule(uint64 start, uint64 end);
    /// @notice The token rate is zero.
    error InvalidRate();
    /// @notice The minimum contribution is above the per-backer maximum or above the cap
    /// (whichever is set and smaller than it).
    /// @param minContribution the minimum
    /// @param max the per-backer maximum or the cap it exceeds
    error InvalidLimits(uint256 minContribution, uint256 max);
    /// @notice The caller is not allowed to do this.
    /// @param account the caller
    error Unauthorized(address account);
    /// @notice The campaign is not a draft (parameters frozen, or already launched).
    /// @param status the current status
    error NotDraft(Status status);
    /// @notice The end is already past, so launching would open nothing.
    /// @param end the end
    error LaunchTooLate(uint64 end);
    /// @notice Contributions (and early finalisation) need an Active campaign.
    /// @param status the current status
    error NotActive(Status status);
    /// @notice Claims and withdrawal need a Successful campaign.
    /// @param status the current status
    error NotSuccessful(Status status);
    /// @notice Refunds need a Failed or Cancelled campaign.
    /// @param status the current status
    error RefundsNotOpen(Status status);
    /// @notice A campaign can be cancelled only while Draft, Scheduled or Active.
    /// @param status the current status
    error CannotCancel(Status status);
    /// @notice The function does not fit the campaign's asset (native vs ERC-20).
    /// @param asset the campaign's asset
    error WrongAsset(address asset);
    /// @notice The native value sent differs from the amount expected.
    /// @param sent msg.value
    /// @param expected the amount expected (0 for an ERC-20 campaign)
    error WrongNativeValue(uint256 sent, uint256 expected);
    /// @notice A contribution of zero.
    error ZeroAmount();
    /// @notice The contribution is below the minimum (and does not fill the cap exactly).
    /// @param amount the contribution
    /// @param minContribution the minimum
    error BelowMinContribution(uint256 amount, uint256 minContribution);
    /// @notice The backer's total would exceed the per-backer maximum.
    /// @param backerTotal the backer's total with this contribution
    /// @param maxPerBacker the maximum
    error AboveMaxPerBacker(uint256 backerTotal, uint256 maxPerBacker);
    /// @notice The contribution would take the total above the cap (nothing is taken).
    /// @param amount the contribution
    /// @param remaining what may still be contributed
    error CapExceeded(uint256 amount, uint256 remaining);
    /// @notice The on-ramp reference is zero.
    error InvalidOnrampRef();
    /// @notice The on-ramp reference was already settled on a campaign of this factory (raised
    /// by the factory's registry, {ICampaignFactory-consumeOnrampRef}, and bubbled up).
    /// @param onrampRef the reference
    error OnrampRefUsed(bytes32 onrampRef);
    /// @notice Finalising early needs the goal met.
    /// @param totalRaised the total raised
    /// @param goal the goal
    error GoalNotReached(uint256 totalRaised, uint256 goal);
    /// @notice The backer has no contribution to claim tokens for.
    error NothingToClaim();
    /// @notice The backer's tokens were already claimed.
    error AlreadyClaimed();
    /// @notice The backer has no contribution to refund (none, or already refunded).
    error NothingToRefund();
    /// @notice The funds were already withdrawn.
    error AlreadyWithdrawn();
    /// @notice There is no platform fee to sweep (the fee is zero or already swept).
    error NoFeeToSweep();
    // NativeTransferFailed(to, amount): declared with the payout library, utils/AssetTransfer.sol

    // ------------------------------------------------------------------ functions

    /// @notice Sets up a fresh clone; called once, by the factory that created it (the clone's
    /// immutable argument). The platform fee is fixed later, at {launch}.
    /// @param params the parameters (validated)
    /// @param token the campaign's token (minted only by this campaign)
    function initialize(CampaignParams calldata params, address token) external;

    /// @notice Replaces the parameters of a draft. Owner or factory admin.
    /// @param params the new parameters
    function updateParams(CampaignParams calldata params) external;

    /// @notice Launches the draft: freezes the parameters and fixes the platform fee at the
    /// factory's current `platformFeeBps`; it opens at `start`. Owner or factory admin.
    /// @dev It does not commit to a parameter hash: the parameters in force are the stored
    /// ones at the launch transaction (see the docs on Draft edits by the factory admin).
    function launch() external;

    /// @notice Contributes `amount` of the ERC-20 asset (approve first).
    /// @param amount the amount in base units
    function contribute(uint256 amount) external;

    /// @notice Contributes `msg.value` of the native coin.
    function contributeNative() external payable;

    /// @notice Contributes `amount` of the ERC-20 asset with an EIP-2612 permit for this campaign.
    /// @param amount the amount in base units (also the permit's value)
    /// @param deadline the permit's deadline
    /// @param v signature v
    /// @param r signature r
    /// @param s signature s
    function contributeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice The on-ramp operator contributes `amount` for `backer` (operator pays; each
    /// `onrampRef` once). For a native campaign `msg.value` must equal `amount`.
    /// @param backer the account credited
    /// @param amount the amount in base units
    /// @param onrampRef the on-ramp order reference (non-zero, used once across every campaign of the factory)
    function contributeFor(address backer, uint256 amount, bytes32 onrampRef) external payable;

    /// @notice Owner closes an Active campaign as successful once the goal is met.
    function finalize() external;

    /// @notice Cancels a Draft, Scheduled or Active campaign. Owner or factory admin.
    function cancel() external;

    /// @notice Mints the caller's campaign tokens after success.
    /// @return tokens the amount minted
    function claimTokens() external returns (uint256 tokens);

    /// @notice Mints `backer`'s tokens to `backer` after success; anyone may call it (e.g. the
    /// platform's relayer for card backers without gas). The tokens always go to the backer.
    /// @param backer the backer
    /// @return tokens the amount minted
    function claimTokensFor(address backer) external returns (uint256 tokens);

    /// @notice Returns the caller's contribution after failure or cancellation.
    /// @return amount the amount returned
    function refund() external returns (uint256 amount);

    /// @notice Returns the caller's contribution to `to` after failure or cancellation (for a
    /// backer that cannot receive the asset itself, e.g. a contract without `receive` or a
    /// blocklisted address).
    /// @param to the receiver (not zero, the campaign, its token or its factory)
    /// @return amount the amount returned
    function refundTo(address to) external returns (uint256 amount);

    /// @notice Returns `backer`'s contribution to `backer` after failure or cancellation; anyone
    /// may call it. The funds always go to the backer.
    /// @param backer the backer
    /// @return amount the amount returned
    function refundFor(address backer) external returns (uint256 amount);

    /// @notice Owner takes the funds after success, less the platform fee (which stays for
    /// {sweepFee}).
    /// @return amount what the owner received
    /// @return fee the platform fee kept for the treasury
    function withdraw() external returns (uint256 amount, uint256 fee);

    /// @notice Owner takes the funds after success, less the platform fee, paid to `to` (for
    /// an owner that cannot receive the asset itself).
    /// @param to the receiver (not zero, the campaign, its token or its factory)
    /// @return amount what `to` received
    /// @return fee the platform fee kept for the treasury
    function withdrawTo(address to) external returns (uint256 amount, uint256 fee);

    /// @notice Sends the platform fee of a successful campaign to the factory's current
    /// treasury, once; anyone may call it, before or after the owner's withdrawal.
    /// @return fee the fee sent
    function sweepFee() external returns (uint256 fee);

    /// @notice The current status, derived from the stage, the totals and the time.
    /// @return the status
    function status() external view returns (Status);

    /// @notice The parameters.
    /// @return the parameters
    function params() external view returns (CampaignParams memory);

    /// @notice The factory that created this campaign (roles, fee, treasury, on-ramp registry).
    /// @return the factory
    function factory() external view returns (address);

    /// @notice The campaign token minted to backers.
    /// @return the token
    function token() external view returns (address);
}
