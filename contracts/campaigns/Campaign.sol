// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// The inclusive/exclusive comparisons state the specified boundaries (start <= now < end, cap, indexes).
// solhint-disable gas-strict-inequalities

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {AssetTransfer} from "../utils/AssetTransfer.sol";
import {ExactTransfer} from "../utils/ExactTransfer.sol";
import {ICampaign, ICampaignToken, CampaignParams, Status} from "../interfaces/ICampaign.sol";
import {ICampaignFactory} from "../interfaces/ICampaignFactory.sol";

/**
 * @title Campaign
 * @notice A crowdfunding campaign, deployed by the {CampaignFactory} as an EIP-1167 clone of
 * this implementation. Backers contribute the native coin or an ERC-20 while the campaign is
 * Active; after success each backer mints `contribution * rate / 1e18` campaign tokens, the
 * owner withdraws the funds less the platform fee, and anyone sweeps the fee to the factory's
 * treasury; after failure or cancellation each backer takes the contribution back. Every
 * payout is pulled, one account at a time: by the owner (to itself or to an address it
 * names), by the backer (likewise), or by anyone on a backer's behalf (`claimTokensFor`,
 * `refundFor`: the backer always receives). The status is derived from the stored stage, the
 * totals and the block time, so no keeper is needed.
 *
 * Token rate example: a 6-decimal stablecoin campaign that gives 1 token (1e18 base units)
 * per 1 USD (1e6 base units) has `rate = 1e18 * 1e18 / 1e6 = 1e30`; a contribution of
 * 25 USD (25e6) mints 25e6 * 1e30 / 1e18 = 25e18 tokens. A native campaign giving 1,000
 * tokens per ETH has `rate = 1000e18`.
 *
 * The platform fee (basis points) is read from the factory and fixed when the campaign is
 * launched; the treasury is read from the factory when the fee is swept, so the platform can
 * move its treasury, and a treasury that refuses the asset cannot block the owner.
 */
contract Campaign is ICampaign, Initializable, ReentrancyGuardTransient {
    /// @dev the factory's role that may call {contributeFor}
    bytes32 private constant ONRAMP_OPERATOR_ROLE = keccak256("ONRAMP_OPERATOR_ROLE");
    /// @dev the factory's admin role (OpenZeppelin AccessControl DEFAULT_ADMIN_ROLE)
    bytes32 private constant DEFAULT_ADMIN_ROLE = 0x00;
    /// @dev basis points in 100%
    uint256 private constant BPS = 10_000;
    /// @dev fixed-point unit of the token rate
    uint256 private constant RATE_UNIT = 1e18;

    /// @dev stored lifecycle; the public {Status} is derived from it
    enum Stage {
        Draft,
        Launched,
        Finalized,
        Cancelled
    }

    /// @dev the hot per-campaign state, one slot (16 + 1 + 1 + 2 + 1 bytes)
    // solhint-disable-next-line gas-struct-packing
    struct State {
        uint128 totalRaised;
        Stage stage;
        bool withdrawn;
        uint16 platformFeeBps;
        bool feeSwept;
    }

    /// @dev one backer, one slot
    struct Backer {
        uint128 amount;
        bool claimed;
        bool refunded;
    }

    CampaignParams private _params;
    State private _state;

    /// @inheritdoc ICampaign
    address public token;

    mapping(address backer => Backer) private _backers;

    modifier onlyOwnerOrAdmin() {
        if (msg.sender != _params.owner && !ICampaignFactory(factory()).hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert Unauthorized(msg.sender);
        }
        _;
    }

    modifier onlyOwner() {
        if (msg.sender != _params.owner) revert Unauthorized(msg.sender);
        _;
    }

    /// @dev the implementation itself can never be initialised
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc ICampaign
    function initialize(CampaignParams calldata params_, address token_) external initializer {
        if (msg.sender != factory()) revert Unauthorized(msg.sender);
        if (token_ == address(0)) revert ZeroAddress();
        _validate(params_, token_);
        _params = params_;
        token = token_;
    }

    // ------------------------------------------------------------------ owner / admin

    /// @inheritdoc ICampaign
    function updateParams(CampaignParams calldata params_) external nonReentrant onlyOwnerOrAdmin {
        Status current = status();
        if (current != Status.Draft) revert NotDraft(current);
        _validate(params_, token);
        _params = params_;
        emit ParamsUpdated(params_);
    }

    /// @inheritdoc ICampaign
    function launch() external nonReentrant onlyOwnerOrAdmin {
        State memory s = _state;
        Status current = _status(s);
        if (current != Status.Draft) revert NotDraft(current);
        uint64 end = _params.end;
        if (block.timestamp >= end) revert LaunchTooLate(end);
        // the fee in force at launch applies, however long the campaign stayed a Draft
        uint16 feeBps = ICampaignFactory(factory()).platformFeeBps();
        s.stage = Stage.Launched;
        s.platformFeeBps = feeBps;
        _state = s;
        emit Launched(msg.sender, _params.start, end, feeBps);
    }

    /// @inheritdoc ICampaign
    function finalize() external nonReentrant onlyOwner {
        Status current = status();
        if (current != Status.Active) revert NotActive(current);
        uint256 raised = _state.totalRaised;
        uint256 goal = _params.goal;
        if (raised < goal) revert GoalNotReached(raised, goal);
        _state.stage = Stage.Finalized;
        emit Finalized(raised);
    }

    /// @inheritdoc ICampaign
    function cancel() external nonReentrant onlyOwnerOrAdmin {
        Status current = status();
        if (current != Status.Draft && current != Status.Scheduled && current != Status.Active) {
            revert CannotCancel(current);
        }
        _state.stage = Stage.Cancelled;
        emit Cancelled(msg.sender, _state.totalRaised);
    }

    /// @inheritdoc ICampaign
    function withdraw() external nonReentrant onlyOwner returns (uint256 amount, uint256 fee) {
        return _withdraw(msg.sender);
    }

    /// @inheritdoc ICampaign
    function withdrawTo(address to) external nonReentrant onlyOwner returns (uint256 amount, uint256 fee) {
        _checkReceiver(to);
        return _withdraw(to);
    }

    /// @inheritdoc ICampaign
    function sweepFee() external nonReentrant returns (uint256 fee) {
        State memory s = _state;
        Status current = _status(s);
        if (current != Status.Successful) revert NotSuccessful(current);
        fee = _fee(s);
        if (fee == 0 || s.feeSwept) revert NoFeeToSweep();
        _state.feeSwept = true;
        address treasury = ICampaignFactory(factory()).treasury();
        emit FeeSwept(treasury, msg.sender, fee);
        AssetTransfer.send(_params.asset, treasury, fee);
    }

    // ------------------------------------------------------------------ backers

    /// @inheritdoc ICampaign
    function contribute(uint256 amount) external nonReentrant {
        address asset_ = _params.asset;
        if (asset_ == address(0)) revert WrongAsset(asset_);
        _book(msg.sender, amount, bytes32(0));
        ExactTransfer.pullExact(IERC20(asset_), msg.sender, amount);
    }

    /// @inheritdoc ICampaign
    function contributeNative() external payable nonReentrant {
        address asset_ = _params.asset;
        if (asset_ != address(0)) revert WrongAsset(asset_);
        _book(msg.sender, msg.value, bytes32(0));
    }

    /// @inheritdoc ICampaign
    function contributeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        address asset_ = _params.asset;
        if (asset_ == address(0)) revert WrongAsset(asset_);
        // A permit front-run by someone else (same signature) still left the allowance: go on,
        // and let the transfer fail if the allowance is really missing.
        // solhint-disable-next-line no-empty-blocks
        try IERC20Permit(asset_).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _book(msg.sender, amount, bytes32(0));
        ExactTransfer.pullExact(IERC20(asset_), msg.sender, amount);
    }

    /// @inheritdoc ICampaign
    function contributeFor(address backer, uint256 amount, bytes32 onrampRef) external payable nonReentrant {
        ICampaignFactory factory_ = ICampaignFactory(factory());
        if (!factory_.hasRole(ONRAMP_OPERATOR_ROLE, msg.sender)) revert Unauthorized(msg.sender);
        if (backer == address(0)) revert ZeroAddress();
        if (onrampRef == bytes32(0)) revert InvalidOnrampRef();
        // platform-wide, once: reverts OnrampRefUsed if any campaign of the factory settled it;
        // a revert later in this call undoes the mark
        factory_.consumeOnrampRef(onrampRef);
        address asset_ = _params.asset;
        uint256 expectedValue = asset_ == address(0) ? amount : 0;
        if (msg.value != expectedValue) revert WrongNativeValue(msg.value, expectedValue);
        _book(backer, amount, onrampRef);
        if (asset_ != address(0)) ExactTransfer.pullExact(IERC20(asset_), msg.sender, amount);
    }

    /// @inheritdoc ICampaign
    function claimTokens() external nonReentrant returns (uint256 tokens) {
        return _claimTokens(msg.sender);
    }

    /// @inheritdoc ICampaign
    function claimTokensFor(address backer) external nonReentrant returns (uint256 tokens) {
        return _claimTokens(backer);
    }

    /// @inheritdoc ICampaign
    function refund() external nonReentrant returns (uint256 amount) {
        return _refund(msg.sender, msg.sender);
    }

    /// @inheritdoc ICampaign
    function refundTo(address to) external nonReentrant returns (uint256 amount) {
        _checkReceiver(to);
        return _refund(msg.sender, to);
    }

    /// @inheritdoc ICampaign
    function refundFor(address backer) external nonReentrant returns (uint256 amount) {
        return _refund(backer, backer);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ICampaign
    function status() public view returns (Status) {
        return _status(_state);
    }

    /// @inheritdoc ICampaign
    function params() external view returns (CampaignParams memory) {
        return _params;
    }

    /// @inheritdoc ICampaign
    /// @dev An immutable argument of the clone (the 20 bytes after the EIP-1167 code), so it
    /// costs no storage.
    function factory() public view returns (address) {
        return address(bytes20(Clones.fetchCloneArgs(address(this))));
    }

    /// @notice The campaign owner (receives the funds).
    /// @return the owner
    function owner() external view returns (address) {
        return _params.owner;
    }

    /// @notice The asset contributed (`address(0)` for the native coin).
    /// @return the asset
    function asset() external view returns (address) {
        return _params.asset;
    }

    /// @notice The total raised: contributions minus refunds.
    /// @return the total
    function totalRaised() external view returns (uint256) {
        return _state.totalRaised;
    }

    /// @notice The platform fee in basis points: while a Draft, the factory's current fee (what
    /// launching now would fix); once launched, the fee fixed at launch (zero for a campaign
    /// cancelled as a Draft).
    /// @return the fee
    function platformFeeBps() external view returns (uint16) {
        State memory s = _state;
        if (s.stage == Stage.Draft) return ICampaignFactory(factory()).platformFeeBps();
        return s.platformFeeBps;
    }

    /// @notice Whether the owner has withdrawn the funds.
    /// @return whether withdrawn
    function withdrawn() external view returns (bool) {
        return _state.withdrawn;
    }

    /// @notice Whether the platform fee has been swept to the treasury.
    /// @return whether swept
    function feeSwept() external view returns (bool) {
        return _state.feeSwept;
    }

    /// @notice A backer's total contribution and whether it was claimed or refunded.
    /// @param backer the backer
    /// @return amount the total contribution (kept after a claim or refund)
    /// @return claimed whether the tokens were claimed
    /// @return refunded whether the contribution was refunded
    function backerInfo(address backer) external view returns (uint256 amount, bool claimed, bool refunded) {
        Backer memory b = _backers[backer];
        return (b.amount, b.claimed, b.refunded);
    }

    /// @notice A backer's total contribution.
    /// @param backer the backer
    /// @return the amount
    function contributionOf(address backer) external view returns (uint256) {
        return _backers[backer].amount;
    }

    /// @notice The tokens `amount` of the asset buys: amount * rate / 1e18 (rounded down).
    /// @param amount the amount in base units of the asset
    /// @return the tokens, 18 decimals
    function tokensFor(uint256 amount) public view returns (uint256) {
        return (amount * _params.rate) / RATE_UNIT;
    }

    /// @notice The tokens `backer` may claim now (zero unless Successful and not yet claimed).
    /// @param backer the backer
    /// @return the tokens
    function claimableTokens(address backer) external view returns (uint256) {
        Backer memory b = _backers[backer];
        if (b.claimed || status() != Status.Successful) return 0;
        return tokensFor(b.amount);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Checks and books a contribution (effects only; the caller moves the money after).
    function _book(address backer, uint256 amount, bytes32 onrampRef) private {
        if (amount == 0) revert ZeroAmount();
        State memory s = _state;
        Status current = _status(s);
        if (current != Status.Active) revert NotActive(current);

        CampaignParams storage p = _params;
        uint256 raised = uint256(s.totalRaised) + amount;
        uint256 cap = p.cap;
        if (cap != 0 && raised > cap) revert CapExceeded(amount, cap - s.totalRaised);
        uint256 minContribution = p.minContribution;
        // A contribution below the minimum is accepted only when it fills the cap exactly, so
        // that a campaign can always be completed.
        if (amount < minContribution && raised != cap) revert BelowMinContribution(amount, minContribution);

        Backer storage b = _backers[backer];
        uint256 backerTotal = uint256(b.amount) + amount;
        uint256 maxPerBacker = p.maxPerBacker;
        if (maxPerBacker != 0 && backerTotal > maxPerBacker) revert AboveMaxPerBacker(backerTotal, maxPerBacker);

        // backerTotal <= raised, so one checked cast covers both
        _state.totalRaised = SafeCast.toUint128(raised);
        b.amount = uint128(backerTotal);
        emit Contributed(backer, msg.sender, onrampRef, amount, backerTotal, raised);
    }

    /// @dev Mints `backer`'s tokens to `backer` (once, after success).
    function _claimTokens(address backer) private returns (uint256 tokens) {
        Status current = status();
        if (current != Status.Successful) revert NotSuccessful(current);
        Backer storage b = _backers[backer];
        uint256 contribution = b.amount;
        if (contribution == 0) revert NothingToClaim();
        if (b.claimed) revert AlreadyClaimed();
        b.claimed = true;
        tokens = tokensFor(contribution);
        emit TokensClaimed(backer, contribution, tokens);
        ICampaignToken(token).mint(backer, tokens);
    }

    /// @dev Pays the owner's share (raised less the fee) to `to`, once, after success; the fee
    /// stays in the campaign for {sweepFee}.
    function _withdraw(address to) private returns (uint256 amount, uint256 fee) {
        State memory s = _state;
        Status current = _status(s);
        if (current != Status.Successful) revert NotSuccessful(current);
        if (s.withdrawn) revert AlreadyWithdrawn();
        _state.withdrawn = true;

        fee = _fee(s);
        amount = s.totalRaised - fee;
        emit Withdrawn(msg.sender, to, amount, fee);
        AssetTransfer.send(_params.asset, to, amount);
    }

    /// @dev Pays `backer`'s contribution back to `to` (once, after failure or cancellation).
    function _refund(address backer, address to) private returns (uint256 amount) {
        State memory s = _state;
        Status current = _status(s);
        if (current != Status.Failed && current != Status.Cancelled) revert RefundsNotOpen(current);
        Backer storage b = _backers[backer];
        amount = b.amount;
        if (amount == 0 || b.refunded) revert NothingToRefund();
        b.refunded = true;
        uint256 raised = s.totalRaised - amount;
        _state.totalRaised = uint128(raised);
        emit Refunded(backer, to, amount, raised);
        AssetTransfer.send(_params.asset, to, amount);
    }

    /// @dev The platform fee on the whole raise, at the rate fixed at launch (rounded down).
    function _fee(State memory s) private pure returns (uint256) {
        return (uint256(s.totalRaised) * s.platformFeeBps) / BPS;
    }

    /// @dev The status from a loaded state.
    function _status(State memory s) private view returns (Status) {
        Stage stage = s.stage;
        if (stage == Stage.Draft) return Status.Draft;
        if (stage == Stage.Cancelled) return Status.Cancelled;
        if (stage == Stage.Finalized) return Status.Successful;
        CampaignParams storage p = _params;
        uint256 cap = p.cap;
        if (cap != 0 && s.totalRaised >= cap) return Status.Successful;
        if (block.timestamp < p.start) return Status.Scheduled;
        if (block.timestamp < p.end) return Status.Active;
        return s.totalRaised >= p.goal ? Status.Successful : Status.Failed;
    }

    /// @dev Refuses a payout receiver that would lose the money: zero, this campaign, its
    /// token or its factory (none of them can move the asset on).
    function _checkReceiver(address to) private view {
        if (to == address(0) || to == address(this) || to == token || to == factory()) revert InvalidReceiver(to);
    }

    /// @dev Checks a parameter set; `token_` is the campaign's token.
    function _validate(CampaignParams calldata p, address token_) private view {
        address owner_ = p.owner;
        if (owner_ == address(0)) revert ZeroAddress();
        // none of these can call withdraw: the campaign's funds would be locked for good
        if (owner_ == address(this) || owner_ == token_ || owner_ == factory()) revert InvalidOwner(owner_);
        if (p.goal == 0) revert InvalidGoal();
        if (p.cap != 0 && p.cap < p.goal) revert InvalidCap(p.cap, p.goal);
        if (p.start >= p.end) revert InvalidSchedule(p.start, p.end);
        if (p.rate == 0) revert InvalidRate();
        if (p.maxPerBacker != 0 && p.maxPerBacker < p.minContribution) {
            revert InvalidLimits(p.minContribution, p.maxPerBacker);
        }
        // a minimum above the cap would let a single backer fill the cap and nobody else in
        if (p.cap != 0 && p.minContribution > p.cap) revert InvalidLimits(p.minContribution, p.cap);
    }
}
