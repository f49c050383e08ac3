using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Paging;

/// <summary>Where the previous page ended: the sort key of its last row, which keyset paging continues after.</summary>
public readonly record struct PagePosition(DateTimeOffset Time, Guid Id);

/// <summary>
/// Opaque page tokens for keyset paging. A token holds the last row's sort key and a hash of the list
/// it belongs to (who asks, and with which filters). The token grants nothing: the query always
/// takes the caller and the filters from the request, never from the token. The hash only turns a
/// token replayed against another list, or altered, into PAGE_TOKEN_INVALID instead of a wrong page.
/// </summary>
public static class PageToken
{
    public const string Field = "page_token";
    public const int MaxLength = 128;

    private const byte FormatVersion = 1;
    private const int ScopeHashLength = 8;
    private const int TokenLength = 1 + sizeof(long) + 16 + ScopeHashLength;

    public static string Encode(string scope, PagePosition position)
    {
        Span<byte> bytes = stackalloc byte[TokenLength];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position.Time.UtcTicks);
        position.Id.TryWriteBytes(bytes.Slice(1 + sizeof(long), 16));
        ScopeHash(scope).CopyTo(bytes[(TokenLength - ScopeHashLength)..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Null for an empty token (the first page).</summary>
    /// <exception cref="TahseenException">PAGE_TOKEN_INVALID on page_token when the token is malformed or belongs to another list.</exception>
    public static PagePosition? Decode(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenLength];
        if (token.Length > MaxLength
            || !Base64Url.IsValid(token, out var length)
            || length != TokenLength
            || Base64Url.DecodeFromChars(token, bytes) != TokenLength
            || bytes[0] != FormatVersion
            || !bytes.Slice(TokenLength - ScopeHashLength, ScopeHashLength).SequenceEqual(ScopeHash(scope)))
        {
            throw TahseenException.ForField(Field, ErrorReason.PageTokenInvalid);
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw TahseenException.ForField(Field, ErrorReason.PageTokenInvalid);
        }

        return new PagePosition(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(1 + sizeof(long), 16)));
    }

    private static byte[] ScopeHash(string scope) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(scope))[..ScopeHashLength];
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
        IReadOnlyList<T> rows, int size, string scope, Func<T, PagePosition> positionOf)
    {
        if (rows.Count <= size)
        {
            return (rows, string.Empty);
        }

        var page = rows.Take(size).ToList();
        return (page, PageToken.Encode(scope, positionOf(page[^1])));
    }
}
