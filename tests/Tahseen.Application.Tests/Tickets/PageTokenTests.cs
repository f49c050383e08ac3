using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Paging;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Tests.Tickets;

public sealed class PageTokenTests
{
    private static readonly PagePosition Position = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), Guid.CreateVersion7());
    private static readonly IKeyedHasher Hasher = new TestHasher([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void A_flipped_bit_anywhere_in_the_token_is_refused()
    {
        var bytes = Base64Url.DecodeFromChars(PageToken.Encode("scope", Position, Hasher));

        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var altered = bytes.ToArray();
            altered[bit / 8] ^= (byte)(1 << (bit % 8));
            var decode = () => PageToken.Decode(Base64Url.EncodeToString(altered), "scope", Hasher);
            decode.Should().Throw<TahseenException>($"bit {bit} was flipped").Which.Reason.Should().Be(ErrorReason.PageTokenInvalid);
        }
    }

    [Fact]
    public void A_token_made_under_another_server_key_is_refused()
    {
        var token = PageToken.Encode("scope", Position, new TestHasher(new byte[32]));

        var decode = () => PageToken.Decode(token, "scope", Hasher);

        decode.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.PageTokenInvalid);
    }

    [Fact]
    public void A_token_returns_the_position_it_was_made_from()
    {
        var token = PageToken.Encode("my-tickets|a", Position, Hasher);

        PageToken.Decode(token, "my-tickets|a", Hasher).Should().Be(Position);
    }

    [Fact]
    public void No_token_means_the_first_page()
    {
        PageToken.Decode(null, "scope", Hasher).Should().BeNull();
        PageToken.Decode(string.Empty, "scope", Hasher).Should().BeNull();
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("!!!!")]
    [InlineData("////////////////////////////////////////////")]
    public void Garbage_is_refused_on_the_page_token_field(string token)
    {
        var decode = () => PageToken.Decode(token, "scope", Hasher);

        decode.Should().Throw<TahseenException>().Which.Violations.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Field = "page_token", Reason = ErrorReason.PageTokenInvalid });
    }

    [Fact]
    public void A_token_made_for_another_list_is_refused()
    {
        var token = PageToken.Encode("my-tickets|a", Position, Hasher);

        var decode = () => PageToken.Decode(token, "my-tickets|b", Hasher);

        decode.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.PageTokenInvalid);
    }

    [Fact]
    public void An_altered_token_is_refused()
    {
        var token = PageToken.Encode("scope", Position, Hasher).ToCharArray();
        token[^3] = token[^3] == 'A' ? 'B' : 'A';

        var decode = () => PageToken.Decode(new string(token), "scope", Hasher);

        decode.Should().Throw<TahseenException>().Which.Reason.Should().Be(ErrorReason.PageTokenInvalid);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    public void Page_size_zero_is_the_default_and_large_sizes_are_capped(int requested, int expected) =>
        PageSize.Resolve(requested).Should().Be(expected);

    private sealed class TestHasher(byte[] key) : IKeyedHasher
    {
        public string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }
}
