namespace Tahseen.Domain.Common;

/// <summary>
/// The kind of failure a reason belongs to. The gRPC edge maps each category to one status code;
/// the domain and application layers never see gRPC types.
/// </summary>
public enum ErrorCategory
{
    InvalidArgument,
    FailedPrecondition,
    AlreadyExists,
    Unauthenticated,
    PermissionDenied,
    NotFound,
    ResourceExhausted,
    Aborted,
    OutOfRange,
    DeadlineExceeded,
    Cancelled,
    Unimplemented,

    /// <summary>A system this service depends on cannot answer now; the same call may succeed later.</summary>
    Unavailable,
}
