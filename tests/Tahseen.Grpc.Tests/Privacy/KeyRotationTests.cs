using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Infrastructure.Persistence.PersonalData;

namespace Tahseen.Grpc.Tests.Privacy;

/// <summary>One database file that three hosts open in turn, each with another key configuration.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private static readonly string[] SealedColumns =
    [
        "accounts.NationalId", "accounts.FullName", "accounts.MobileNumber", "accounts.Email",
        "otp_challenges.MobileNumber", "otp_challenges.NationalId", "otp_challenges.Email",
        "sms_outbox.MobileNumber", "sandbox_sms_messages.MobileNumber", "sandbox_sms_messages.Body", "captchas.SandboxAnswer",
    ];

    private static readonly string[] HashColumns =
        ["accounts.NationalIdHash", "accounts.MobileNumberHash", "accounts.EmailHash", "sms_outbox.MobileNumberHash", "sandbox_sms_messages.MobileNumberHash"];

    private readonly TestDatabase _database = TestDatabase.Create("tahseen-rotation");

    [Fact]
    public async Task Rotating_both_keys_moves_every_value_resumably_and_lookups_keep_working_throughout()
    {
        string nationalId;
        string mobile;
        using (var first = Host(("k1", ("h1"))))
        {
            var (_, identity, _) = await new Harness(first).RegisterCitizenAsync();
            (nationalId, mobile) = (identity.NationalId, identity.MobileNumber);
        }

        (await CountAsync(SealedColumns, "enc:v1:k1:%")).Should().BeGreaterThan(10);
        (await CountAsync(HashColumns, "h1:%")).Should().BeGreaterThan(5);

        using (var rotating = Host(("k1", "h1"), ("k2", "h2")))
        {
            // Before any value has moved, sign-in by national ID still finds the account by its old hash.
            var harness = new Harness(rotating);
            await harness.SignInAsync(nationalId, Harness.CitizenPassword, mobile);

            var job = rotating.Services.GetRequiredService<PersonalDataRekeyJob>();
            (await job.RunAsync(maxRows: 3, CancellationToken.None)).Should().Be(3);
            var leftOver = await CountAsync(SealedColumns, "enc:v1:k1:%") + await CountAsync(HashColumns, "h1:%");
            leftOver.Should().BeGreaterThan(0, "the pass stopped part-way, as a crash would stop it");

            (await job.RunAsync(int.MaxValue, CancellationToken.None)).Should().BeGreaterThan(0);
            (await job.RunAsync(int.MaxValue, CancellationToken.None)).Should().Be(0, "a finished rotation leaves nothing to do");
        }

        (await CountAsync(SealedColumns, "enc:v1:k1:%")).Should().Be(0);
        (await CountAsync(HashColumns, "h1:%")).Should().Be(0);

        using var rotated = Host(("k2", "h2"));
        var after = new Harness(rotated);
        var session = await after.SignInAsync(nationalId, Harness.CitizenPassword, mobile);
        session.Account.NationalIdMasked.Should().EndWith(nationalId[^2..]);
        var identities = await after.Sandbox.ListSandboxIdentitiesAsync(new ListSandboxIdentitiesRequest());
        identities.Identities.Single(i => i.NationalId == nationalId).Registered.Should().BeTrue();
    }

    public void Dispose() => _database.Dispose();

    private TahseenApiFactory Host(params (string DataKey, string LookupKey)[] keys) =>
        new()
        {
            Database = _database,
            Configure = builder =>
            {
                builder.UseSetting("Privacy:RekeyInterval", "00:00:00");
                for (var i = 0; i < keys.Length; i++)
                {
                    builder.UseSetting($"Security:DataKeys:{i}:Id", keys[i].DataKey);
                    builder.UseSetting($"Security:DataKeys:{i}:Key", KeyOf(keys[i].DataKey));
                    builder.UseSetting($"Security:LookupKeys:{i}:Id", keys[i].LookupKey);
                    builder.UseSetting($"Security:LookupKeys:{i}:Key", KeyOf(keys[i].LookupKey));
                }
            },
        };

    private static string KeyOf(string id) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));

    private async Task<long> CountAsync(IEnumerable<string> columns, string pattern)
    {
        long total = 0;
        foreach (var column in columns)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            total += await _database.CountAsync($"SELECT COUNT(*) FROM \"{table}\" WHERE \"{name}\" LIKE @pattern", ("pattern", pattern));
        }

        return total;
    }
}
