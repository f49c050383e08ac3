using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Paging;

/// <summary>Where the previous page ended: the sort key of its last row, which keyset paging continues after.</summary>
public readonly record struct PagePosition(DateTimeOffset Time, Guid Id);

/// <summary>
/// Opaque page tokens for keyset paging. A token holds the last row's sort key and a keyed MAC over
/// that position and the list it belongs to (who asks, and with which filters), made with the
/// server's hash key. The token grants nothing: the query always takes the caller and the filters
/// from the request, never from the token. The MAC turns a token replayed against another list, or
/// altered in any bit, into PAGE_TOKEN_INVALID instead of a page that starts somewhere else.
/// </summary>
public static class PageToken
{
    public const string Field = "page_token";
    public const int MaxLength = 128;

    private const byte FormatVersionWithMac = 2;
    private const int PositionLength = 1 + sizeof(long) + 16;
    private const int MacLength = 16;
    private const int TokenLength = PositionLength + MacLength;

    public static string Encode(string scope, PagePosition position, IKeyedHasher hasher)
    {
        Span<byte> bytes = stackalloc byte[TokenLength];
        bytes[0] = FormatVersionWithMac;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position.Time.UtcTicks);
        position.Id.TryWriteBytes(bytes.Slice(1 + sizeof(long), 16));
        Mac(bytes[..PositionLength], scope, hasher).CopyTo(bytes[PositionLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Null for an empty token (the first page).</summary>
    /// <exception cref="TahseenException">PAGE_TOKEN_INVALID on page_token when the token is malformed or belongs to another list.</exception>
    public static PagePosition? Decode(string? token, string scope, IKeyedHasher hasher)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return TryDecode(token, scope, hasher, out var position)
            ? position
            : throw TahseenException.ForField(Field, ErrorReason.PageTokenInvalid);
    }

    /// <summary>
    /// For a list in parts (open requests, then completed ones): false when the token is malformed or
    /// was not made for <paramref name="scope"/>, so the caller can try the scope of another part.
    /// </summary>
    public static bool TryDecode(string token, string scope, IKeyedHasher hasher, out PagePosition position)
    {
        position = default;
        Span<byte> bytes = stackalloc byte[TokenLength];
        if (token.Length > MaxLength
            || !Base64Url.IsValid(token, out var length)
            || length != TokenLength
            || Base64Url.DecodeFromChars(token, bytes) != TokenLength
            || bytes[0] != FormatVersionWithMac
            || !CryptographicOperations.FixedTimeEquals(bytes[PositionLength..], Mac(bytes[..PositionLength], scope, hasher)))
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        position = new PagePosition(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(1 + sizeof(long), 16)));
        return true;
    }

    private static byte[] Mac(ReadOnlySpan<byte> position, string scope, IKeyedHasher hasher) =>
        Convert.FromHexString(hasher.Hash($"page-token:{Convert.ToBase64String(position)}|{scope}"))[..MacLength];
}

/// <summary>The page sizes every list shares: 0 means the default, larger than the maximum is capped.</summary>
public static class PageSize
{
    public const string Field = "page_size";
    public const int Default = 20;
    public const int Max = 100;

    public static int Resolve(int requested) => requested == 0 ? Default : Math.Min(requested, Max);

    /// <summary>
    /// Cuts one extra row fetched beyond <paramref name="size"/> off the page and, when it was there,
    /// makes the token that continues after the page's last row.
    /// </summary>
    public static (IReadOnlyList<T> Page, string NextToken) Split<T>(
        IReadOnlyList<T> rows, int size, string scope, IKeyedHasher hasher, Func<T, PagePosition> positionOf)
    {
        if (rows.Count <= size)
        {
            return (rows, string.Empty);
        }

        var page = rows.Take(size).ToList();
        return (page, PageToken.Encode(scope, positionOf(page[^1]), hasher));
    }
}
