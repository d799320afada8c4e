// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IPaymentEscrow} from "../interfaces/IPaymentEscrow.sol";
import {AssetTransfer} from "../utils/AssetTransfer.sol";
import {ExactTransfer} from "../utils/ExactTransfer.sol";
import {PaymentIntentHash} from "./PaymentIntentHash.sol";
import {PaymentMath} from "./PaymentMath.sol";

/**
 * @title PaymentEscrow
 * @notice Escrow for merchant-signed EIP-712 payment intents (domain "Crowdstake PaymentEscrow", version "1").
 * A payer pays an intent (native coin or ERC-20, exact amount); the funds are held until
 * `releaseAt = paidAt + merchant's release delay` (a delay of 0 settles in the same transaction).
 * Settling pays the merchant, the intent's splits and the platform fee (see {PaymentMath}). While held,
 * the merchant can refund (fully or partly) and the payer can open a dispute before `releaseAt`, which
 * freezes the payment until an arbiter splits it.
 *
 * Pushes that fail (a recipient that reverts on the native coin or is refused by the token) never block a
 * payment: the amount is credited to the recipient, who withdraws it with {withdrawCredit}. Platform fees
 * accrue per token and are swept to the treasury with {withdrawFees}. Per token the escrow therefore always
 * holds exactly the sum of held amounts plus the credits plus the accrued fees.
 *
 * Intent ids belong to their merchant: an id's top 20 bytes must be the intent's merchant ({merchantOf}),
 * so nobody can pay (squat) another merchant's id ahead of its payer. A merchant, or one of its signers, can
 * cancel an unpaid id with {cancelIntent}.
 *
 * Storage: two slots per escrowed payment (plus one per split); one slot for a payment settled at once.
 */
contract PaymentEscrow is IPaymentEscrow, AccessControl, EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Role of the on-ramp operator that may call {payFor}.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    /// @notice Role of the arbiters that may {resolveDispute}.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Maximum number of splits in an intent.
    uint256 public constant MAX_SPLITS = 5;
    /// @notice Maximum platform fee (10%).
    uint16 public constant MAX_FEE_BPS = 1_000;
    /// @notice Maximum merchant release delay.
    uint32 public constant MAX_RELEASE_DELAY = 90 days;
    /// @notice Gas forwarded with a native push; a recipient that needs more is credited instead.
    uint256 public constant NATIVE_PUSH_GAS = 50_000;

    // Packed payment metadata (one slot):
    //   bits   0..159 payer of record | 160..199 releaseAt | 200..215 feeBps snapshot
    //   bits 216..223 status | 224..231 split count (open payments) | 232..255 token index (0 = native coin)
    uint256 private constant _RELEASE_AT_SHIFT = 160;
    uint256 private constant _FEE_SHIFT = 200;
    uint256 private constant _STATUS_SHIFT = 216;
    uint256 private constant _SPLITS_SHIFT = 224;
    uint256 private constant _TOKEN_SHIFT = 232;
    uint256 private constant _ADDRESS_MASK = type(uint160).max;
    uint256 private constant _STATUS_CLEAR = ~(uint256(0xff) << _STATUS_SHIFT);
    uint256 private constant _STATUS_AND_SPLITS_CLEAR = ~(uint256(0xffff) << _STATUS_SHIFT);
    // Packed held amount (one slot): bits 0..159 merchant | 160..255 amount held (uint96).
    uint256 private constant _AMOUNT_SHIFT = 160;
    // Packed split (one slot): bits 0..159 recipient | 160..175 bps.
    uint256 private constant _BPS_SHIFT = 160;

    /// @dev Platform fee configuration, read in one slot.
    struct FeeConfig {
        address treasury;
        uint16 feeBps;
    }

    FeeConfig private _feeConfig;

    mapping(bytes32 id => uint256 packed) private _meta;
    mapping(bytes32 id => uint256 packed) private _held;
    mapping(bytes32 id => mapping(uint256 index => uint256 packed)) private _splitSlots;

    mapping(address token => uint24 index) private _tokenIndex;
    mapping(uint256 index => address token) private _tokenAt;
    uint24 private _tokenCount;

    /// @inheritdoc IPaymentEscrow
    mapping(address merchant => uint32 delay) public releaseDelay;
    /// @inheritdoc IPaymentEscrow
    mapping(address merchant => mapping(address signer => bool allowed)) public isSigner;
    /// @inheritdoc IPaymentEscrow
    mapping(address account => mapping(address token => uint256 amount)) public credits;
    /// @inheritdoc IPaymentEscrow
    mapping(bytes32 onrampRef => bool used) public onrampRefUsed;
    /// @inheritdoc IPaymentEscrow
    mapping(address token => uint256 amount) public feesAccrued;

    /// @param admin receives DEFAULT_ADMIN_ROLE (grants OPERATOR_ROLE / ARBITER_ROLE, sets fee and treasury)
    /// @param treasury_ receives platform fees
    /// @param feeBps_ initial platform fee (≤ MAX_FEE_BPS)
    constructor(address admin, address treasury_, uint16 feeBps_) EIP712("Crowdstake PaymentEscrow", "1") {
        if (admin == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _feeConfig = FeeConfig(treasury_, feeBps_);
        emit TreasurySet(address(0), treasury_);
        emit FeeSet(0, feeBps_);
    }

    // ================================================================ paying

    /// @inheritdoc IPaymentEscrow
    function pay(PaymentIntent calldata intent, bytes calldata signature) external payable nonReentrant {
        _pay(intent, signature, msg.sender);
    }

    /// @inheritdoc IPaymentEscrow
    function payWithPermit(
        PaymentIntent calldata intent,
        bytes calldata signature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant {
        address token = intent.token;
        if (token == address(0)) revert NativeIntentNotPermit();
        // A permit front-run by someone else reverts here but leaves the allowance in place: go on
        // (a missing allowance then fails in the pull).
        // solhint-disable-next-line no-empty-blocks
        try IERC20Permit(token).permit(msg.sender, address(this), intent.amount, permitDeadline, v, r, s) {} catch {}
        _pay(intent, signature, msg.sender);
    }

    /// @inheritdoc IPaymentEscrow
    function payFor(PaymentIntent calldata intent, bytes calldata signature, address payer, bytes32 onrampRef)
        external
        payable
        nonReentrant
        onlyRole(OPERATOR_ROLE)
    {
        if (payer == address(0)) revert ZeroAddress();
        // Refunds to the escrow itself would land as untracked, unrecoverable tokens.
        if (payer == address(this)) revert InvalidPayer(payer);
        if (onrampRef == bytes32(0)) revert ZeroOnrampRef();
        if (onrampRefUsed[onrampRef]) revert OnrampRefUsed(onrampRef);
        onrampRefUsed[onrampRef] = true;
        _pay(intent, signature, payer);
        emit OnrampPayment(intent.id, onrampRef, msg.sender);
    }

    // ================================================================ disputes

    /// @inheritdoc IPaymentEscrow
    function openDispute(bytes32 id) external {
        uint256 meta = _meta[id];
        Status status = _status(meta);
        if (status != Status.Held) revert InvalidStatus(id, status);
        if (msg.sender != address(uint160(meta))) revert NotPayer(id);
        uint256 releaseAt = uint40(meta >> _RELEASE_AT_SHIFT);
        // solhint-disable-next-line gas-strict-inequalities
        if (block.timestamp >= releaseAt) revert DisputeWindowClosed(releaseAt);
        _meta[id] = (meta & _STATUS_CLEAR) | (uint256(Status.Disputed) << _STATUS_SHIFT);
        emit DisputeOpened(id, msg.sender);
    }

    /// @inheritdoc IPaymentEscrow
    function resolveDispute(bytes32 id, uint256 payerAmount) external nonReentrant onlyRole(ARBITER_ROLE) {
        uint256 meta = _meta[id];
        Status status = _status(meta);
        if (status != Status.Disputed) revert InvalidStatus(id, status);
        uint256 held = _held[id];
        uint256 amount = held >> _AMOUNT_SHIFT;
        if (payerAmount > amount) revert ExceedsHeld(payerAmount, amount);
        Split[] memory splits = _close(id, meta, Status.Resolved);
        uint256 merchantSide;
        unchecked {
            merchantSide = amount - payerAmount;
        }
        emit DisputeResolved(id, msg.sender, payerAmount, merchantSide);
        address token = _tokenOf(meta);
        _push(id, token, address(uint160(meta)), payerAmount);
        if (merchantSide != 0) {
            _distribute(id, address(uint160(held)), token, merchantSide, uint16(meta >> _FEE_SHIFT), splits);
        }
    }

    // ================================================================ merchant side

    /// @inheritdoc IPaymentEscrow
    function release(bytes32 id) external nonReentrant {
        uint256 meta = _meta[id];
        Status status = _status(meta);
        if (status != Status.Held) revert InvalidStatus(id, status);
        uint256 held = _held[id];
        address merchant = address(uint160(held));
        if (msg.sender != merchant && block.timestamp < uint40(meta >> _RELEASE_AT_SHIFT)) revert NotMerchant(id);
        Split[] memory splits = _close(id, meta, Status.Released);
        _distribute(id, merchant, _tokenOf(meta), held >> _AMOUNT_SHIFT, uint16(meta >> _FEE_SHIFT), splits);
    }

    /// @inheritdoc IPaymentEscrow
    function refund(bytes32 id, uint256 amount) external nonReentrant {
        uint256 meta = _meta[id];
        Status status = _status(meta);
        if (status != Status.Held && status != Status.Disputed) revert InvalidStatus(id, status);
        uint256 held = _held[id];
        if (msg.sender != address(uint160(held))) revert NotMerchant(id);
        if (amount == 0) revert ZeroAmount();
        uint256 heldAmount = held >> _AMOUNT_SHIFT;
        if (amount > heldAmount) revert ExceedsHeld(amount, heldAmount);
        uint256 remaining;
        unchecked {
            remaining = heldAmount - amount;
        }
        if (remaining == 0) {
            _close(id, meta, Status.Refunded);
        } else {
            _held[id] = (held & _ADDRESS_MASK) | (remaining << _AMOUNT_SHIFT);
        }
        address payer = address(uint160(meta));
        emit PaymentRefunded(id, payer, amount, remaining);
        _push(id, _tokenOf(meta), payer, amount);
    }

    /// @inheritdoc IPaymentEscrow
    function setSigner(address signer, bool allowed) external {
        if (signer == address(0)) revert ZeroAddress();
        isSigner[msg.sender][signer] = allowed;
        emit SignerSet(msg.sender, signer, allowed);
    }

    /// @inheritdoc IPaymentEscrow
    function cancelIntent(bytes32 id) external {
        address merchant = address(bytes20(id));
        if (msg.sender != merchant && !isSigner[merchant][msg.sender]) revert NotMerchantOrSigner(id, msg.sender);
        uint256 meta = _meta[id];
        if (meta != 0) revert InvalidStatus(id, _status(meta));
        _meta[id] = uint256(Status.Cancelled) << _STATUS_SHIFT;
        emit IntentCancelled(id, merchant, msg.sender);
    }

    /// @inheritdoc IPaymentEscrow
    function setReleaseDelay(uint32 delay) external {
        if (delay > MAX_RELEASE_DELAY) revert ReleaseDelayTooLong(delay, MAX_RELEASE_DELAY);
        releaseDelay[msg.sender] = delay;
        emit ReleaseDelaySet(msg.sender, delay);
    }

    // ================================================================ admin and credits

    /// @inheritdoc IPaymentEscrow
    function setFee(uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (bps > MAX_FEE_BPS) revert FeeTooHigh(bps, MAX_FEE_BPS);
        uint16 old = _feeConfig.feeBps;
        _feeConfig.feeBps = bps;
        emit FeeSet(old, bps);
    }

    /// @inheritdoc IPaymentEscrow
    function setTreasury(address treasury_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury_ == address(0)) revert ZeroAddress();
        address old = _feeConfig.treasury;
        _feeConfig.treasury = treasury_;
        emit TreasurySet(old, treasury_);
    }

    /// @inheritdoc IPaymentEscrow
    function withdrawCredit(address token, address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        uint256 amount = credits[msg.sender][token];
        if (amount == 0) revert NothingToWithdraw();
        credits[msg.sender][token] = 0;
        emit CreditWithdrawn(msg.sender, token, to, amount);
        AssetTransfer.send(token, to, amount);
    }

    /// @inheritdoc IPaymentEscrow
    function withdrawFees(address token) external nonReentrant {
        uint256 amount = feesAccrued[token];
        if (amount == 0) revert NothingToWithdraw();
        feesAccrued[token] = 0;
        address treasury_ = _feeConfig.treasury;
        emit FeesWithdrawn(token, treasury_, amount);
        AssetTransfer.send(token, treasury_, amount);
    }

    // ================================================================ views

    /// @inheritdoc IPaymentEscrow
    function payments(bytes32 id) external view returns (PaymentView memory info) {
        uint256 meta = _meta[id];
        uint256 held = _held[id];
        info.status = _status(meta);
        info.merchant = address(uint160(held));
        info.token = _tokenOf(meta);
        info.payer = address(uint160(meta));
        info.amount = held >> _AMOUNT_SHIFT;
        info.releaseAt = uint40(meta >> _RELEASE_AT_SHIFT);
        info.feeBps = uint16(meta >> _FEE_SHIFT);
        info.splitCount = uint8(meta >> _SPLITS_SHIFT);
    }

    /// @inheritdoc IPaymentEscrow
    function paymentSplits(bytes32 id) external view returns (Split[] memory splits) {
        return _loadSplits(id, uint8(_meta[id] >> _SPLITS_SHIFT));
    }

    /// @inheritdoc IPaymentEscrow
    function isPaid(bytes32 id) external view returns (bool paid) {
        uint256 meta = _meta[id];
        return meta != 0 && _status(meta) != Status.Cancelled;
    }

    /// @inheritdoc IPaymentEscrow
    function merchantOf(bytes32 id) external pure returns (address merchant) {
        return address(bytes20(id));
    }

    /// @inheritdoc IPaymentEscrow
    function hashIntent(PaymentIntent calldata intent) external view returns (bytes32 digest) {
        return _hashTypedDataV4(PaymentIntentHash.hashStruct(intent));
    }

    /// @inheritdoc IPaymentEscrow
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32 separator) {
        return _domainSeparatorV4();
    }

    /// @inheritdoc IPaymentEscrow
    function feeBps() external view returns (uint16 bps) {
        return _feeConfig.feeBps;
    }

    /// @inheritdoc IPaymentEscrow
    function treasury() external view returns (address account) {
        return _feeConfig.treasury;
    }

    // ================================================================ internals

    /// @dev Checks the intent for `payer` (payer of record), records it, takes the funds from msg.sender
    /// and, when the merchant's release delay is 0, settles it at once.
    function _pay(PaymentIntent calldata intent, bytes calldata signature, address payer) private {
        uint256 delay = releaseDelay[intent.merchant];
        uint256 feeRate = _feeConfig.feeBps;
        {
            uint256 splitCount = _checkIntent(intent, signature, payer);
            uint256 releaseAt = _record(intent, payer, block.timestamp + delay, delay == 0, feeRate, splitCount);
            _emitReceived(intent, payer, releaseAt, feeRate);
        }
        if (intent.token != address(0)) ExactTransfer.pullExact(IERC20(intent.token), msg.sender, intent.amount);
        if (delay == 0) _distribute(intent.id, intent.merchant, intent.token, intent.amount, feeRate, intent.splits);
    }

    /// @dev Emits {PaymentReceived} (its own frame keeps the caller's stack shallow).
    function _emitReceived(PaymentIntent calldata intent, address payer, uint256 releaseAt, uint256 feeRate) private {
        emit PaymentReceived(
            intent.id,
            intent.merchant,
            payer,
            intent.token,
            intent.amount,
            uint64(releaseAt),
            uint16(feeRate),
            intent.metadataHash,
            intent.splits
        );
    }

    /// @dev Every check of an intent paid by `payer` with msg.value; returns the split count.
    function _checkIntent(PaymentIntent calldata intent, bytes calldata signature, address payer)
        private
        view
        returns (uint256 splitCount)
    {
        uint256 amount = intent.amount;
        if (block.timestamp > intent.deadline) revert IntentExpired(intent.deadline);
        if (amount == 0) revert ZeroAmount();
        if (amount > type(uint96).max) revert AmountTooLarge(amount);
        address allowedPayer = intent.payer;
        if (allowedPayer != address(0) && allowedPayer != payer) revert PayerNotAllowed(allowedPayer, payer);
        bytes32 id = intent.id;
        bool ownId;
        assembly ("memory-safe") {
            // the id's top 20 bytes == the merchant word (a dirty merchant word never matches)
            ownId := eq(shr(96, id), calldataload(add(intent, 0x20)))
        }
        if (!ownId) revert IdNotOfMerchant(id, intent.merchant);
        uint256 meta = _meta[id];
        if (meta != 0) {
            if (_status(meta) == Status.Cancelled) revert IntentIsCancelled(id);
            revert AlreadyPaid(id);
        }
        if (intent.token == address(0)) {
            if (msg.value != amount) revert IncorrectValue(amount, msg.value);
        } else if (msg.value != 0) {
            revert IncorrectValue(0, msg.value);
        }
        splitCount = _checkSplits(intent.splits);
        _checkSignature(intent.merchant, _hashTypedDataV4(PaymentIntentHash.hashStruct(intent)), signature);
    }

    /// @dev Stores the payment: one slot if settled at once, else metadata, held amount and splits.
    function _record(
        PaymentIntent calldata intent,
        address payer,
        uint256 releaseAt,
        bool atOnce,
        uint256 feeRate,
        uint256 splitCount
    ) private returns (uint256) {
        bytes32 id = intent.id;
        uint256 meta = uint256(uint160(payer)) | (releaseAt << _RELEASE_AT_SHIFT) | (feeRate << _FEE_SHIFT);
        if (atOnce) {
            _meta[id] = meta | (uint256(Status.Released) << _STATUS_SHIFT);
        } else {
            _meta[id] = meta | (uint256(Status.Held) << _STATUS_SHIFT) | (splitCount << _SPLITS_SHIFT)
                | (_registerToken(intent.token) << _TOKEN_SHIFT);
            _held[id] = uint256(uint160(intent.merchant)) | (intent.amount << _AMOUNT_SHIFT);
            for (uint256 i; i < splitCount; ++i) {
                Split calldata sp = intent.splits[i];
                _splitSlots[id][i] = uint256(uint160(sp.recipient)) | (uint256(sp.bps) << _BPS_SHIFT);
            }
        }
        return releaseAt;
    }

    /// @dev Validates the splits (count, recipients neither zero nor the escrow, non-zero bps, sum ≤ 100%);
    /// returns their count.
    function _checkSplits(Split[] calldata splits) private view returns (uint256 n) {
        n = splits.length;
        if (n > MAX_SPLITS) revert TooManySplits(n, MAX_SPLITS);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            uint256 bps = splits[i].bps;
            address recipient = splits[i].recipient;
            if (recipient == address(0) || recipient == address(this) || bps == 0) revert InvalidSplit(i);
            total += bps;
        }
        if (total > PaymentMath.BPS) revert SplitsExceedTotal(total);
    }

    /// @dev Accepts an ECDSA signature by the merchant or an authorised signer, else an ERC-1271 one of a
    /// contract merchant; the EOA path costs no extra call.
    function _checkSignature(address merchant, bytes32 digest, bytes calldata signature) private view {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err == ECDSA.RecoverError.NoError && (recovered == merchant || isSigner[merchant][recovered])) return;
        if (merchant.code.length != 0 && SignatureChecker.isValidERC1271SignatureNowCalldata(merchant, digest, signature))
        {
            return;
        }
        revert InvalidSignature();
    }

    /// @dev The token's index in the registry (0 = native coin; ERC-20s from 1), registering it on first use.
    function _registerToken(address token) private returns (uint256 index) {
        if (token == address(0)) return 0;
        index = _tokenIndex[token];
        if (index == 0) {
            uint24 next = _tokenCount + 1;
            _tokenCount = next;
            _tokenIndex[token] = next;
            _tokenAt[next] = token;
            emit TokenRegistered(token, next);
            index = next;
        }
    }

    /// @dev The token recorded in `meta` (index 0 = native coin, no storage read).
    function _tokenOf(uint256 meta) private view returns (address) {
        uint256 index = meta >> _TOKEN_SHIFT;
        return index == 0 ? address(0) : _tokenAt[index];
    }

    /// @dev Ends an open payment: sets its final status, clears its held slot and splits (gas refunds) and
    /// returns the splits it had. Replay protection stays: the metadata slot is never cleared.
    function _close(bytes32 id, uint256 meta, Status status) private returns (Split[] memory splits) {
        uint256 n = uint8(meta >> _SPLITS_SHIFT);
        splits = new Split[](n);
        for (uint256 i; i < n; ++i) {
            splits[i] = _unpackSplit(_splitSlots[id][i]);
            delete _splitSlots[id][i];
        }
        _meta[id] = (meta & _STATUS_AND_SPLITS_CLEAR) | (uint256(status) << _STATUS_SHIFT);
        delete _held[id];
    }

    /// @dev Pays `settled` out per {PaymentMath}: pushes to the merchant and the splits, accrues the fee
    /// (swept to the treasury by {withdrawFees}).
    function _distribute(
        bytes32 id,
        address merchant,
        address token,
        uint256 settled,
        uint256 feeRate,
        Split[] memory splits
    ) private {
        (uint256 merchantAmount, uint256 fee, uint256[] memory splitAmounts) =
            PaymentMath.divide(settled, feeRate, splits);
        if (fee != 0) feesAccrued[token] += fee;
        emit PaymentReleased(id, merchant, merchantAmount, fee, splitAmounts);
        _push(id, token, merchant, merchantAmount);
        uint256 n = splits.length;
        for (uint256 i; i < n; ++i) {
            _push(id, token, splits[i].recipient, splitAmounts[i]);
        }
    }

    /// @dev Sends `amount` to `to`; if the native call (gas-capped) or the token transfer fails, credits it.
    function _push(bytes32 id, address token, address to, uint256 amount) private {
        if (amount == 0) return;
        bool ok;
        if (token == address(0)) {
            uint256 gasLimit = NATIVE_PUSH_GAS;
            assembly ("memory-safe") {
                ok := call(gasLimit, to, amount, 0, 0, 0, 0)
            }
        } else {
            ok = IERC20(token).trySafeTransfer(to, amount);
        }
        if (!ok) {
            uint256 credit = credits[to][token] + amount;
            credits[to][token] = credit;
            emit PayoutDeferred(id, to, token, amount, credit);
        }
    }

    /// @dev Reads a payment's stored splits into memory.
    function _loadSplits(bytes32 id, uint256 n) private view returns (Split[] memory splits) {
        splits = new Split[](n);
        for (uint256 i; i < n; ++i) {
            splits[i] = _unpackSplit(_splitSlots[id][i]);
        }
    }

    /// @dev A split from its storage slot (recipient in the low 160 bits, bps above).
    function _unpackSplit(uint256 packed) private pure returns (Split memory) {
        return Split(address(uint160(packed)), uint16(packed >> _BPS_SHIFT));
    }

    function _status(uint256 meta) private pure returns (Status) {
        return Status(uint8(meta >> _STATUS_SHIFT));
    }

}
