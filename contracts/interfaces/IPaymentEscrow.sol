// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Amounts, flags and rates are event data on purpose: indexing them costs gas and helps no indexer.
/* solhint-disable gas-indexed-events */

/**
 * @title IPaymentEscrow
 * @notice External interface of the Crowdstake {PaymentEscrow}: merchant-signed EIP-712 payment
 * intents paid in the native coin or an ERC-20, held until a per-merchant release delay has passed,
 * then settled to the merchant, the intent's revenue splits and the platform treasury (fee).
 */
interface IPaymentEscrow {
    /// @notice One revenue split of an intent: `bps` basis points of the net (after the platform fee).
    struct Split {
        address recipient;
        uint16 bps;
    }

    /// @notice A payment intent, signed off-chain (EIP-712) by the merchant or one of its signers.
    /// @dev `token == address(0)` is the native coin; `payer == address(0)` lets anyone pay. The id belongs to
    /// its merchant: its top 20 bytes must be the merchant's address (`id = bytes32(bytes20(merchant)) | salt`,
    /// 96 low bits free, see {merchantOf}), so nobody can use (squat) another merchant's id.
    struct PaymentIntent {
        bytes32 id;
        address merchant;
        address token;
        uint256 amount;
        uint256 deadline;
        address payer;
        Split[] splits;
        bytes32 metadataHash;
    }

    /// @notice Lifecycle of a payment. `None` = never paid; `Cancelled` = the merchant (or one of its signers)
    /// cancelled the id before it was paid ({cancelIntent}), so it can never be paid.
    enum Status {
        None,
        Held,
        Disputed,
        Released,
        Refunded,
        Resolved,
        Cancelled
    }

    /// @notice What the escrow stores about a payment (see {payments}).
    /// @dev `merchant`, `amount` (what is still held) and `splitCount` are stored only while the payment is
    /// open (Held or Disputed) and read as zero once it is closed (Released, Refunded, Resolved): the slots
    /// are cleared for the gas refund and the events carry the history. A payment settled at once (release
    /// delay 0) stores only `status`, `payer`, `releaseAt` (= paid at) and `feeBps`; its `token` reads as
    /// zero too. `status`, `payer`, `releaseAt` and `feeBps` are kept forever (replay protection). A cancelled
    /// id stores only its status (`Cancelled`); every other field reads as zero.
    struct PaymentView {
        Status status;
        uint8 splitCount;
        uint16 feeBps;
        uint64 releaseAt;
        address merchant;
        address token;
        address payer;
        uint256 amount;
    }

    // ------------------------------------------------------------------ events

    /// @notice A payment intent was paid.
    /// @param id the intent id
    /// @param merchant the merchant that signed (or whose signer signed) the intent
    /// @param payer the payer of record (refunds and disputes): msg.sender, or the on-ramp's `payer`
    /// @param token the token paid (`address(0)` = native)
    /// @param amount the amount paid
    /// @param releaseAt when anyone may release it (= now when the merchant's delay is 0: settled at once)
    /// @param feeBps the platform fee rate snapshotted for this payment
    /// @param metadataHash the intent's metadata hash
    /// @param splits the intent's revenue splits
    event PaymentReceived(
        bytes32 indexed id,
        address indexed merchant,
        address indexed payer,
        address token,
        uint256 amount,
        uint64 releaseAt,
        uint16 feeBps,
        bytes32 metadataHash,
        Split[] splits
    );

    /// @notice The payment just received was made by the on-ramp operator ({payFor}).
    /// @param id the payment id
    /// @param onrampRef the on-ramp order reference
    /// @param operator the operator that supplied the funds
    event OnrampPayment(bytes32 indexed id, bytes32 indexed onrampRef, address indexed operator);

    /// @notice A payment's merchant side was settled (release, settle-at-once or dispute resolution).
    /// @param id the payment id
    /// @param merchant the merchant (the token is the one of its {PaymentReceived})
    /// @param merchantAmount what the merchant received (or was credited)
    /// @param feeAmount the platform fee, added to {feesAccrued} (swept to the treasury by {withdrawFees})
    /// @param splitAmounts what each split recipient received, in the intent's split order
    event PaymentReleased(
        bytes32 indexed id,
        address indexed merchant,
        uint256 merchantAmount,
        uint256 feeAmount,
        uint256[] splitAmounts
    );

    /// @notice The merchant refunded (part of) a held payment to the payer of record.
    /// @param id the payment id
    /// @param payer the payer of record who received the refund
    /// @param amount the refunded amount
    /// @param remaining what is still held after the refund (0 = fully refunded)
    event PaymentRefunded(bytes32 indexed id, address indexed payer, uint256 amount, uint256 remaining);

    /// @notice The payer disputed a held payment; it is frozen until an arbiter resolves it.
    /// @param id the payment id
    /// @param payer the payer of record
    event DisputeOpened(bytes32 indexed id, address indexed payer);

    /// @notice An arbiter resolved a dispute.
    /// @param id the payment id
    /// @param arbiter the arbiter
    /// @param payerAmount what went back to the payer
    /// @param merchantSideAmount what was settled to the merchant side (merchant, splits and fee)
    event DisputeResolved(bytes32 indexed id, address indexed arbiter, uint256 payerAmount, uint256 merchantSideAmount);

    /// @notice A push of funds failed (a reverting recipient or token); the amount was credited to the
    /// recipient instead, withdrawable with {withdrawCredit}.
    /// @param id the payment id
    /// @param account the recipient credited
    /// @param token the token (`address(0)` = native)
    /// @param amount the amount credited
    /// @param credit the account's total credit in that token afterwards
    event PayoutDeferred(bytes32 indexed id, address indexed account, address indexed token, uint256 amount, uint256 credit);

    /// @notice An account withdrew its credited balance.
    /// @param account the account whose credit was withdrawn
    /// @param token the token (`address(0)` = native)
    /// @param to where it was sent
    /// @param amount the amount withdrawn
    event CreditWithdrawn(address indexed account, address indexed token, address to, uint256 amount);

    /// @notice Accrued platform fees were swept to the treasury.
    /// @param token the token (`address(0)` = native)
    /// @param treasury the treasury that received them
    /// @param amount the amount swept
    event FeesWithdrawn(address indexed token, address indexed treasury, uint256 amount);

    /// @notice A merchant authorised or revoked a signer of its intents.
    /// @param merchant the merchant
    /// @param signer the signer
    /// @param allowed whether the signer may now sign for the merchant
    event SignerSet(address indexed merchant, address indexed signer, bool allowed);

    /// @notice A merchant set its release delay (applies to payments made afterwards).
    /// @param merchant the merchant
    /// @param delay the new delay in seconds (0 = settle at once)
    event ReleaseDelaySet(address indexed merchant, uint32 delay);

    /// @notice The platform fee rate changed (applies to payments made afterwards).
    /// @param oldBps the previous rate
    /// @param newBps the new rate
    event FeeSet(uint16 oldBps, uint16 newBps);

    /// @notice The platform treasury changed.
    /// @param oldTreasury the previous treasury
    /// @param newTreasury the new treasury
    event TreasurySet(address indexed oldTreasury, address indexed newTreasury);

    /// @notice The merchant (or one of its signers) cancelled an unpaid intent id: it can no longer be paid.
    /// @param id the intent id
    /// @param merchant the id's merchant (its top 20 bytes)
    /// @param by who cancelled it (the merchant or an authorised signer)
    event IntentCancelled(bytes32 indexed id, address indexed merchant, address by);

    /// @notice A token got its compact index in the escrow's token registry (first escrowed payment in it).
    /// @param token the token (`address(0)` = native)
    /// @param index its index (1-based)
    event TokenRegistered(address indexed token, uint24 index);

    // ------------------------------------------------------------------ errors

    /// @notice The intent's deadline has passed.
    /// @param deadline the intent's deadline
    error IntentExpired(uint256 deadline);
    /// @notice The signature is not the merchant's, nor an authorised signer's, nor ERC-1271-valid for the merchant.
    error InvalidSignature();
    /// @notice The intent id was already paid.
    /// @param id the intent id
    error AlreadyPaid(bytes32 id);
    /// @notice The intent id was cancelled by its merchant: it can never be paid.
    /// @param id the intent id
    error IntentIsCancelled(bytes32 id);
    /// @notice The id's top 20 bytes are not the intent's merchant: ids belong to their merchant.
    /// @param id the intent id
    /// @param merchant the intent's merchant
    error IdNotOfMerchant(bytes32 id, address merchant);
    /// @notice Only the id's merchant or one of its authorised signers may cancel it.
    /// @param id the intent id
    /// @param caller the caller refused
    error NotMerchantOrSigner(bytes32 id, address caller);
    /// @notice The intent restricts who may pay and this payer is not it.
    /// @param expected the intent's payer
    /// @param actual the payer of this call
    error PayerNotAllowed(address expected, address actual);
    /// @notice The native value sent is not exactly what the intent asks (or is non-zero for an ERC-20 intent).
    /// @param expected the value required
    /// @param sent the value sent
    error IncorrectValue(uint256 expected, uint256 sent);
    /// @notice An amount is zero.
    error ZeroAmount();
    /// @notice An amount exceeds the escrow's bound (`type(uint96).max`).
    /// @param amount the amount
    error AmountTooLarge(uint256 amount);
    /// @notice The intent has more splits than {MAX_SPLITS}.
    /// @param count the number of splits
    /// @param max the maximum
    error TooManySplits(uint256 count, uint256 max);
    /// @notice A split has a zero recipient, the escrow itself as recipient (its share would be stranded) or zero bps.
    /// @param index the split's index
    error InvalidSplit(uint256 index);
    /// @notice The splits' basis points add up to more than 10,000.
    /// @param totalBps the sum
    error SplitsExceedTotal(uint256 totalBps);
    /// @notice `payWithPermit` was called for a native-coin intent.
    error NativeIntentNotPermit();
    /// @notice The on-ramp reference was already used.
    /// @param onrampRef the reference
    error OnrampRefUsed(bytes32 onrampRef);
    /// @notice {payFor} needs a non-zero on-ramp reference.
    error ZeroOnrampRef();
    /// @notice A zero address where an account is required.
    error ZeroAddress();
    /// @notice {payFor} named the escrow itself as the payer of record (refunds would be stranded).
    /// @param payer the refused payer
    error InvalidPayer(address payer);
    /// @notice The payment is not in the status this action requires.
    /// @param id the payment id
    /// @param status its current status
    error InvalidStatus(bytes32 id, Status status);
    /// @notice Only the merchant may do this now (others may release only from `releaseAt`).
    /// @param id the payment id
    error NotMerchant(bytes32 id);
    /// @notice Only the payer of record may open a dispute.
    /// @param id the payment id
    error NotPayer(bytes32 id);
    /// @notice The release time has been reached: no more disputes.
    /// @param releaseAt the payment's release time
    error DisputeWindowClosed(uint256 releaseAt);
    /// @notice A refund or dispute share larger than the amount held.
    /// @param amount the amount asked
    /// @param held the amount held
    error ExceedsHeld(uint256 amount, uint256 held);
    /// @notice The release delay is above {MAX_RELEASE_DELAY}.
    /// @param delay the delay asked
    /// @param max the maximum
    error ReleaseDelayTooLong(uint256 delay, uint256 max);
    /// @notice The fee is above {MAX_FEE_BPS}.
    /// @param bps the fee asked
    /// @param max the maximum
    error FeeTooHigh(uint256 bps, uint256 max);
    /// @notice Nothing credited (or accrued) to withdraw.
    error NothingToWithdraw();
    // NativeTransferFailed(to, amount) from {withdrawCredit} or {withdrawFees}: declared with
    // the payout library, utils/AssetTransfer.sol

    // ------------------------------------------------------------------ payer side

    /// @notice Pays `intent` from msg.sender (native: msg.value == amount; ERC-20: pulled after approve).
    /// @param intent the signed intent
    /// @param signature the merchant's (or its signer's) EIP-712 signature, or an ERC-1271 one of the merchant
    function pay(PaymentIntent calldata intent, bytes calldata signature) external payable;

    /// @notice Pays an ERC-20 `intent` from msg.sender after an EIP-2612 permit for exactly `amount`.
    /// @dev A permit that fails (e.g. front-run) is ignored if the allowance is already there.
    /// @param intent the signed intent
    /// @param signature the intent signature
    /// @param permitDeadline the permit's deadline
    /// @param v permit signature v
    /// @param r permit signature r
    /// @param s permit signature s
    function payWithPermit(
        PaymentIntent calldata intent,
        bytes calldata signature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;

    /// @notice On-ramp operator (OPERATOR_ROLE) pays `intent` with its own funds for `payer`.
    /// @param intent the signed intent
    /// @param signature the intent signature
    /// @param payer the payer of record (receives refunds, may dispute)
    /// @param onrampRef the on-ramp order reference; each is accepted once
    function payFor(PaymentIntent calldata intent, bytes calldata signature, address payer, bytes32 onrampRef)
        external
        payable;

    /// @notice Opens a dispute on a held payment (payer of record, before `releaseAt`).
    /// @param id the payment id
    function openDispute(bytes32 id) external;

    // ------------------------------------------------------------------ merchant side

    /// @notice Settles a held payment: merchant any time, anyone from `releaseAt`.
    /// @param id the payment id
    function release(bytes32 id) external;

    /// @notice The merchant refunds `amount` of a held (or disputed) payment to the payer of record.
    /// @param id the payment id
    /// @param amount the amount to refund (all that is held = full refund)
    function refund(bytes32 id, uint256 amount) external;

    /// @notice Authorises or revokes `signer` to sign intents for msg.sender.
    /// @param signer the signer
    /// @param allowed true to authorise, false to revoke
    function setSigner(address signer, bool allowed) external;

    /// @notice Cancels the unpaid intent `id` (status {Status.Cancelled}): it can never be paid afterwards.
    /// @dev Callable by the id's merchant ({merchantOf}) or one of its authorised signers. Reverts with
    /// {InvalidStatus} if the id was already paid or cancelled.
    /// @param id the intent id
    function cancelIntent(bytes32 id) external;

    /// @notice Sets msg.sender's release delay for future payments (≤ {MAX_RELEASE_DELAY}).
    /// @param delay seconds between payment and release (0 = settle at once)
    function setReleaseDelay(uint32 delay) external;

    // ------------------------------------------------------------------ arbiter, admin, credits

    /// @notice Arbiter (ARBITER_ROLE) resolves a dispute: `payerAmount` to the payer, the rest settled to
    /// the merchant side (fee and splits applied to it).
    /// @param id the payment id
    /// @param payerAmount what goes back to the payer (≤ held)
    function resolveDispute(bytes32 id, uint256 payerAmount) external;

    /// @notice Admin sets the platform fee for future payments (≤ {MAX_FEE_BPS}).
    /// @param bps the fee in basis points of the amount settled to the merchant side
    function setFee(uint16 bps) external;

    /// @notice Admin sets the treasury that receives platform fees.
    /// @param treasury the new treasury
    function setTreasury(address treasury) external;

    /// @notice Withdraws msg.sender's credited balance of `token` (from pushes that failed) to `to`.
    /// @param token the token (`address(0)` = native)
    /// @param to the receiver
    function withdrawCredit(address token, address to) external;

    /// @notice Sends all accrued platform fees in `token` to the current treasury (anyone may call).
    /// @param token the token (`address(0)` = native)
    function withdrawFees(address token) external;

    // ------------------------------------------------------------------ views

    /// @notice Platform fees accrued in `token`, not yet swept to the treasury.
    /// @param token the token (`address(0)` = native)
    /// @return amount the accrued fees
    function feesAccrued(address token) external view returns (uint256 amount);

    /// @notice What is stored about payment `id`.
    /// @param id the payment id
    /// @return info the payment (status, merchant, token, payer, amount held, releaseAt, feeBps, splitCount)
    function payments(bytes32 id) external view returns (PaymentView memory info);

    /// @notice The splits stored for a held payment.
    /// @param id the payment id
    /// @return splits the splits (empty for payments settled at once)
    function paymentSplits(bytes32 id) external view returns (Split[] memory splits);

    /// @notice Whether intent `id` was ever paid (false for a cancelled id: see {payments} for its status).
    /// @param id the intent id
    /// @return paid true once paid
    function isPaid(bytes32 id) external view returns (bool paid);

    /// @notice The merchant an intent id belongs to: its top 20 bytes.
    /// @param id the intent id
    /// @return merchant the only merchant whose intents may use `id`
    function merchantOf(bytes32 id) external pure returns (address merchant);

    /// @notice The EIP-712 digest to sign for `intent` on this escrow and chain.
    /// @param intent the intent
    /// @return digest the typed-data digest
    function hashIntent(PaymentIntent calldata intent) external view returns (bytes32 digest);

    /// @notice The EIP-712 domain separator.
    /// @return separator the domain separator
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32 separator);

    /// @notice Whether `signer` may sign intents for `merchant`.
    /// @param merchant the merchant
    /// @param signer the signer
    /// @return allowed true if authorised
    function isSigner(address merchant, address signer) external view returns (bool allowed);

    /// @notice The merchant's release delay in seconds.
    /// @param merchant the merchant
    /// @return delay the delay
    function releaseDelay(address merchant) external view returns (uint32 delay);

    /// @notice The current platform fee in basis points.
    /// @return bps the fee
    function feeBps() external view returns (uint16 bps);

    /// @notice The current treasury.
    /// @return account the treasury
    function treasury() external view returns (address account);

    /// @notice `account`'s withdrawable credit in `token`.
    /// @param account the account
    /// @param token the token (`address(0)` = native)
    /// @return amount the credit
    function credits(address account, address token) external view returns (uint256 amount);

    /// @notice Whether an on-ramp reference was used.
    /// @param onrampRef the reference
    /// @return used true once used
    function onrampRefUsed(bytes32 onrampRef) external view returns (bool used);
}
