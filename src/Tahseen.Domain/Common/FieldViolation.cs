namespace Tahseen.Domain.Common;

/// <summary>
/// One broken rule on one request field. <paramref name="Field"/> is the proto field name
/// (snake_case) so that a client can point at the input; <paramref name="Arguments"/> fill the
/// numbered slots ({0}, {1}) of the localized message, for example a maximum length.
/// </summary>
public sealed record FieldViolation(string Field, ErrorReason Reason, params object[] Arguments);
