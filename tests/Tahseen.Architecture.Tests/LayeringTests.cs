using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Tahseen.Architecture.Tests;

/// <summary>Dependencies point inward: Grpc → Application ← Infrastructure, everything → Domain.</summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Domain.Common.TahseenException).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Host = typeof(Program).Assembly;

    [Fact]
    public void Domain_depends_on_nothing_of_ours_nor_on_frameworks()
    {
        var result = Types.InAssembly(Domain)
            .ShouldNot()
            .HaveDependencyOnAny("Tahseen.Application", "Tahseen.Infrastructure", "Tahseen.Grpc",
                "Microsoft.EntityFrameworkCore", "Grpc", "MediatR", "FluentValidation", "Mapster")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_or_the_host()
    {
        var result = Types.InAssembly(Application)
            .ShouldNot()
            .HaveDependencyOnAny("Tahseen.Infrastructure", "Tahseen.Grpc", "Tahseen.Contracts", "Grpc", "Microsoft.Data.Sqlite")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Fact]
    public void Grpc_services_hold_no_database_context()
    {
        var services = Types.InAssembly(Host)
            .That().Inherit(typeof(object)).And().ResideInNamespace("Tahseen.Grpc.Services")
            .GetTypes();

        services.Should().NotBeEmpty();
        services.SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => p.ParameterType)
            .Should().NotContain(t => typeof(DbContext).IsAssignableFrom(t) || t.Name == "IApplicationDbContext");
        services.SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
            .Select(f => f.FieldType)
            .Should().NotContain(t => typeof(DbContext).IsAssignableFrom(t) || t.Name == "IApplicationDbContext");
    }

    [Fact]
    public void Grpc_services_are_sealed_and_only_reach_use_cases_through_the_mediator()
    {
        var result = Types.InAssembly(Host)
            .That().ResideInNamespace("Tahseen.Grpc.Services").And().AreClasses().And().AreNotNested()
            .Should().BeSealed()
            .And().NotHaveDependencyOn("Tahseen.Infrastructure")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Theory]
    [InlineData("src/Tahseen.Domain")]
    [InlineData("src/Tahseen.Application")]
    public void Domain_and_application_never_read_the_system_clock(string folder)
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b"))
            .Select(f => Path.GetRelativePath(root, f));

        offenders.Should().BeEmpty("time comes from TimeProvider so that tests can move it");
    }

    private static string Describe(TestResult result) =>
        "these types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tahseen.Grpc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tahseen.Grpc.sln not found above the test binaries.");
    }
}
