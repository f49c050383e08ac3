using Tahseen.Grpc.Tests.Infrastructure;

namespace Tahseen.Grpc.Tests.Hosting;

/// <summary>
/// A bad setting stops the real process before it serves: exit code 1 and exactly one log line that
/// names the setting, never a stack trace.
/// </summary>
public sealed class StartupSettingsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray());

    [Theory]
    [InlineData("Development", "Tickets__ComplaintWorkingDays", "-1", "Tickets:ComplaintWorkingDays")]
    [InlineData("Development", "Tickets__AutoCloseInterval", "abc", "Tickets:AutoCloseInterval")]
    [InlineData("Development", "Tickets__FollowUpInterval", "00:00:00", "Tickets:FollowUpInterval")]
    [InlineData("Development", "Duplicates__Threshold", "0", "Duplicates:Threshold")]
    [InlineData("Development", "Duplicates__Threshold", "1.5", "Duplicates:Threshold")]
    [InlineData("Development", "Security__AccessTokenLifetime", "00:00:00", "Security:AccessTokenLifetime")]
    [InlineData("Development", "Security__SessionRecheckInterval", "00:00:06", "Security:SessionRecheckInterval")]
    [InlineData("Development", "Sms__Provider", "Carrier", "Sms:Provider")]
    [InlineData("Development", "Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Development", "Privacy__RevealsPerDay", "0", "Privacy:RevealsPerDay")]
    [InlineData("Development", "Retention__AuditMonths", "11", "Retention:AuditMonths")]
    [InlineData("Development", "Retention__SecurityEventMonths", "6", "Retention:SecurityEventMonths")]
    [InlineData("Development", "Retention__ClosedTicketContentYears", "0", "Retention:ClosedTicketContentYears")]
    [InlineData("Development", "Retention__ClosedTicketContentYears", "five", "Retention:ClosedTicketContentYears")]
    [InlineData("Development", "Idempotency__RetentionHours", "0", "Idempotency:RetentionHours")]
    [InlineData("Development", "Assignment__Mode", "RoundRobin", "Assignment:Mode")]
    [InlineData("Development", "Sla__CheckInterval", "00:00:00", "Sla:CheckInterval")]
    [InlineData("Development", "Sla__AtRiskPercent", "100", "Sla:AtRiskPercent")]
    [InlineData("Development", "Sla__WorkdayEnd", "07:30", "Sla:WorkdayEnd")]
    [InlineData("Development", "Sla__WorkdayEnd", "25:00", "Sla:WorkdayEnd")]
    [InlineData("Development", "Sla__MaxPauses", "-1", "Sla:MaxPauses")]
    [InlineData("Development", "Sla__MaxPauses", "three", "Sla:MaxPauses")]
    [InlineData("Development", "Sla__MaxPausedWorkingDays", "366", "Sla:MaxPausedWorkingDays")]
    [InlineData("Development", "Tickets__MaxOpenPerAccount", "0", "Tickets:MaxOpenPerAccount")]
    [InlineData("Development", "Tickets__MaxPerDay", "-1", "Tickets:MaxPerDay")]
    [InlineData("Development", "Appeals__WindowDays", "0", "Appeals:WindowDays")]
    [InlineData("Production", "Sandbox__Enabled", "1", "Sandbox:Enabled")]
    [InlineData("Production", "Security__SigningKeys__0__Key", "bm90LWEta2V5", "Security:SigningKeys:0:Key must be an RSA private key")]
    [InlineData("Production", "Security__ActiveSigningKey", "t9", "Security:SigningKeys does not list the active signing key")]
    [InlineData("Production", "Security__GenerateMissingKeys", "true", "Security:GenerateMissingKeys")]
    [InlineData("Production", "Security__DataKeys__0__Key", "AAAAAAAAAAAAAAAAAAAAAA==", "Security:DataKeys:0:Key must be")]
    [InlineData("Production", "Security__LookupKeys__0__Id", "not an id!", "Security:LookupKeys:0:Id")]
    [InlineData("Production", "Sms__Provider", "Sandbox", "Sms:Provider")]
    [InlineData("Production", "CivilRegistry__Http__Url", "not a url", "CivilRegistry:Http:Url")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it(string environment, string name, string value, string setting)
    {
        var settings = ProductionReady(environment);
        settings[name] = value;

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        lines.Should().ContainSingle().Which.Should().Contain("Start-up refused").And.Contain(setting);
        lines[0].Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("", "ConnectionStrings:Tahseen must be set when Database:Provider is PostgreSQL")]
    [InlineData("Host=127.0.0.1;Colour=blue", "ConnectionStrings:Tahseen is not a valid PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=1;Username=tahseen;Database=tahseen;Timeout=2", "The database cannot be reached")]
    public async Task A_bad_or_unreachable_postgresql_connection_stops_start_up_with_one_line(string connectionString, string reason)
    {
        var settings = ProductionReady("Development");
        settings["Database__Provider"] = "PostgreSQL";
        settings["ConnectionStrings__Tahseen"] = connectionString;

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        var refused = lines.Where(l => l.Contains("Start-up refused", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        refused.Should().Contain(reason).And.NotContain("   at ");
        lines.Should().NotContain(l => l.Contains("   at ", StringComparison.Ordinal), "no stack trace reaches the operator");
    }

    [Theory]
    [InlineData("Security__SigningKeys__0__Key", "Security:SigningKeys")]
    [InlineData("Security__DataKeys__0__Key", "Security:DataKeys")]
    [InlineData("Security__LookupKeys__0__Key", "Security:LookupKeys")]
    public async Task Production_refuses_to_start_without_a_key(string missing, string setting)
    {
        var settings = ProductionReady("Production");
        settings.Remove(missing);
        settings.Remove(missing.Replace("__Key", "__Id", StringComparison.Ordinal));

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        lines.Should().ContainSingle().Which.Should().Contain("Start-up refused").And.Contain(setting);
    }

    [Fact]
    public async Task Production_refuses_a_database_that_holds_sandbox_accounts()
    {
        await using var database = TestDatabase.Create("tahseen-dev");
        await using (var development = new TahseenApiFactory { Database = database })
        {
            _ = development.Server;
        }

        var settings = OnDatabase(ProductionReady("Production"), database);
        settings["Database__MigrateOnStart"] = "1";

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        lines.Where(l => l.Contains("Start-up refused", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain("sandbox accounts");
    }

    [Fact]
    public async Task Production_refuses_a_database_whose_schema_is_behind_unless_told_to_migrate()
    {
        await using var database = TestDatabase.Create("tahseen-proc");
        var settings = OnDatabase(ProductionReady("Production"), database);

        var (exitCode, lines) = await ServiceProcess.RunToEndAsync(settings, []);

        exitCode.Should().Be(1);
        lines.Should().ContainSingle().Which.Should().Contain("migrate").And.Contain("Database:MigrateOnStart");
    }

    private static Dictionary<string, string> OnDatabase(Dictionary<string, string> settings, TestDatabase database)
    {
        foreach (var (name, value) in database.ServerEnvironment)
        {
            settings[name] = value;
        }

        return settings;
    }

    /// <summary>Everything a Production start needs, so that the one setting under test is the only thing wrong.</summary>
    public static Dictionary<string, string> ProductionReady(string environment) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["ConnectionStrings__Tahseen"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"tahseen-proc-{Guid.NewGuid():N}.db")}",
        ["Security__SigningKeys__0__Id"] = "t1",
        ["Security__SigningKeys__0__Key"] = TestSigningKeys.Pem,
        ["Security__HashKey"] = Key,
        ["Security__DataKeys__0__Id"] = "d1",
        ["Security__DataKeys__0__Key"] = Key,
        ["Security__LookupKeys__0__Id"] = "h1",
        ["Security__LookupKeys__0__Key"] = Key,
        ["Sms__Provider"] = "Http",
        ["Sms__Http__Url"] = "http://127.0.0.1:9/sms",
        ["Sms__Http__ApiKey"] = "sms-key",
        ["CivilRegistry__Provider"] = "Http",
        ["CivilRegistry__Http__Url"] = "http://127.0.0.1:9/registry",
        ["CivilRegistry__Http__ApiKey"] = "registry-key",
        ["Kestrel__Endpoints__Grpc__Url"] = "http://127.0.0.1:0",
        ["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0",
    };
}
