namespace Tahseen.Domain.Common;

/// <summary>
/// A stable, UPPER_SNAKE reason code that clients depend on, with the category it is reported under.
/// The codes are part of the public contract: add freely, never rename.
/// </summary>
public sealed record ErrorReason(string Code, ErrorCategory Category)
{
    // Password policy, in the order the policy lists its rules.
    public static readonly ErrorReason PasswordTooShort = new("PASSWORD_TOO_SHORT", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordTooLong = new("PASSWORD_TOO_LONG", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordNeedsLowercase = new("PASSWORD_NEEDS_LOWERCASE", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordNeedsDigit = new("PASSWORD_NEEDS_DIGIT", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordHasSymbol = new("PASSWORD_HAS_SYMBOL", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordNotEnglish = new("PASSWORD_NOT_ENGLISH", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordRepeatedChars = new("PASSWORD_REPEATED_CHARS", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordTooCommon = new("PASSWORD_TOO_COMMON", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PasswordContainsIdentity = new("PASSWORD_CONTAINS_IDENTITY", ErrorCategory.InvalidArgument);

    // Input shape.
    public static readonly ErrorReason NationalIdInvalid = new("NATIONAL_ID_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason MobileInvalid = new("MOBILE_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason UsernameInvalid = new("USERNAME_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason EmailInvalid = new("EMAIL_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason TermsNotAccepted = new("TERMS_NOT_ACCEPTED", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason ValidationFailed = new("VALIDATION_FAILED", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FieldRequired = new("FIELD_REQUIRED", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FieldTooLong = new("FIELD_TOO_LONG", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FieldTooShort = new("FIELD_TOO_SHORT", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FieldInvalid = new("FIELD_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FieldHasControlCharacters = new("FIELD_HAS_CONTROL_CHARACTERS", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason ValueOutOfRange = new("VALUE_OUT_OF_RANGE", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PageTokenInvalid = new("PAGE_TOKEN_INVALID", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason MalformedRequest = new("MALFORMED_REQUEST", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason TimestampOutOfRange = new("TIMESTAMP_OUT_OF_RANGE", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason TextHasBidiControls = new("TEXT_HAS_BIDI_CONTROLS", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason PlaceholderUnknown = new("PLACEHOLDER_UNKNOWN", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason OutcomeTypeMismatch = new("OUTCOME_TYPE_MISMATCH", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason FollowUpDateOutOfRange = new("FOLLOW_UP_DATE_OUT_OF_RANGE", ErrorCategory.InvalidArgument);
    public static readonly ErrorReason MergeIntoSelf = new("MERGE_INTO_SELF", ErrorCategory.InvalidArgument);

    // State of the world does not allow the request.
    public static readonly ErrorReason MobileNotOwned = new("MOBILE_NOT_OWNED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason NotEligible = new("NOT_ELIGIBLE", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason CaptchaInvalid = new("CAPTCHA_INVALID", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason OtpInvalid = new("OTP_INVALID", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason OtpExpired = new("OTP_EXPIRED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason TermsVersionMismatch = new("TERMS_VERSION_MISMATCH", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason InvalidTicketTransition = new("INVALID_TICKET_TRANSITION", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason CategoryInactive = new("CATEGORY_INACTIVE", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason CaptchaRequired = new("CAPTCHA_REQUIRED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason LastAdmin = new("LAST_ADMIN", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason OutcomeRequired = new("OUTCOME_REQUIRED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason AccountNotStaff = new("ACCOUNT_NOT_STAFF", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason MergeDifferentSubmitter = new("MERGE_DIFFERENT_SUBMITTER", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason MergeTargetClosed = new("MERGE_TARGET_CLOSED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason ExtensionAlreadyUsed = new("EXTENSION_ALREADY_USED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason DataSubjectRequestCompleted = new("DATA_SUBJECT_REQUEST_COMPLETED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason TicketHeldForReview = new("TICKET_HELD_FOR_REVIEW", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason AccountNotCitizen = new("ACCOUNT_NOT_CITIZEN", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason AppealNotAllowed = new("APPEAL_NOT_ALLOWED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason AppealWindowClosed = new("APPEAL_WINDOW_CLOSED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason AppealAlreadyLodged = new("APPEAL_ALREADY_LODGED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason PauseLimitReached = new("PAUSE_LIMIT_REACHED", ErrorCategory.FailedPrecondition);
    public static readonly ErrorReason CannedResponseNotApplicable = new("CANNED_RESPONSE_NOT_APPLICABLE", ErrorCategory.FailedPrecondition);

    // Conflicts.
    public static readonly ErrorReason AccountExists = new("ACCOUNT_EXISTS", ErrorCategory.AlreadyExists);
    public static readonly ErrorReason UsernameTaken = new("USERNAME_TAKEN", ErrorCategory.AlreadyExists);
    public static readonly ErrorReason RequestIdReused = new("REQUEST_ID_REUSED", ErrorCategory.AlreadyExists);
    public static readonly ErrorReason CategoryExists = new("CATEGORY_EXISTS", ErrorCategory.AlreadyExists);

    // Who is calling.
    public static readonly ErrorReason InvalidCredentials = new("INVALID_CREDENTIALS", ErrorCategory.Unauthenticated);
    public static readonly ErrorReason TokenInvalid = new("TOKEN_INVALID", ErrorCategory.Unauthenticated);
    public static readonly ErrorReason TokenExpired = new("TOKEN_EXPIRED", ErrorCategory.Unauthenticated);
    public static readonly ErrorReason AccountLocked = new("ACCOUNT_LOCKED", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason AccountDisabled = new("ACCOUNT_DISABLED", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason Forbidden = new("FORBIDDEN", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason InsufficientScope = new("INSUFFICIENT_SCOPE", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason InvalidClient = new("INVALID_CLIENT", ErrorCategory.Unauthenticated);
    public static readonly ErrorReason RevealLimitReached = new("REVEAL_LIMIT_REACHED", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason RequesterRestricted = new("REQUESTER_RESTRICTED", ErrorCategory.PermissionDenied);
    public static readonly ErrorReason AppealSelfDecision = new("APPEAL_SELF_DECISION", ErrorCategory.PermissionDenied);

    // Missing things.
    public static readonly ErrorReason TicketNotFound = new("TICKET_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason CategoryNotFound = new("CATEGORY_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason RegistrationNotFound = new("REGISTRATION_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason ChallengeNotFound = new("CHALLENGE_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason PasswordResetNotFound = new("PASSWORD_RESET_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason AccountNotFound = new("ACCOUNT_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason CaptchaNotFound = new("CAPTCHA_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason DataSubjectRequestNotFound = new("DATA_SUBJECT_REQUEST_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason DeadLetterNotFound = new("DEAD_LETTER_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason ServiceAccountNotFound = new("SERVICE_ACCOUNT_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason CannedResponseNotFound = new("CANNED_RESPONSE_NOT_FOUND", ErrorCategory.NotFound);
    public static readonly ErrorReason HolidayNotFound = new("HOLIDAY_NOT_FOUND", ErrorCategory.NotFound);

    // Limits.
    public static readonly ErrorReason OtpAttemptsExceeded = new("OTP_ATTEMPTS_EXCEEDED", ErrorCategory.ResourceExhausted);
    public static readonly ErrorReason OtpResendTooSoon = new("OTP_RESEND_TOO_SOON", ErrorCategory.ResourceExhausted);
    public static readonly ErrorReason RateLimited = new("RATE_LIMITED", ErrorCategory.ResourceExhausted);
    public static readonly ErrorReason MessageTooLarge = new("MESSAGE_TOO_LARGE", ErrorCategory.ResourceExhausted);
    public static readonly ErrorReason OpenTicketLimit = new("OPEN_TICKET_LIMIT", ErrorCategory.ResourceExhausted);
    public static readonly ErrorReason DailyTicketLimit = new("DAILY_TICKET_LIMIT", ErrorCategory.ResourceExhausted);

    // A change-feed cursor older than the oldest event still kept.
    public static readonly ErrorReason CursorExpired = new("CURSOR_EXPIRED", ErrorCategory.OutOfRange);

    // A concurrent change to the same record won; the client may retry.
    public static readonly ErrorReason ConcurrentUpdate = new("CONCURRENT_UPDATE", ErrorCategory.Aborted);

    // The server is stopping; the client may retry against another replica or after the restart.
    public static readonly ErrorReason ServiceShuttingDown = new("SERVICE_SHUTTING_DOWN", ErrorCategory.Unavailable);
    // The call itself ended or was addressed wrongly, before or outside any use case.
    public static readonly ErrorReason DeadlineExceeded = new("DEADLINE_EXCEEDED", ErrorCategory.DeadlineExceeded);
    public static readonly ErrorReason Cancelled = new("CANCELLED", ErrorCategory.Cancelled);
    public static readonly ErrorReason MethodNotFound = new("METHOD_NOT_FOUND", ErrorCategory.Unimplemented);

    // Another agency's system did not answer; never read as "not eligible".
    public static readonly ErrorReason CivilRegistryUnavailable = new("CIVIL_REGISTRY_UNAVAILABLE", ErrorCategory.Unavailable);

    /// <summary>Every reason declared above, in declaration order.</summary>
    public static IReadOnlyList<ErrorReason> All { get; } = typeof(ErrorReason)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorReason))
        .Select(f => (ErrorReason)f.GetValue(null)!)
        .ToArray();

    public override string ToString() => Code;
}
