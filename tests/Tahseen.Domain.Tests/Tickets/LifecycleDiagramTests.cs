using System.Text.RegularExpressions;
using Tahseen.Domain.Tickets;

namespace Tahseen.Domain.Tests.Tickets;

/// <summary>README.md draws each type's lifecycle as a mermaid state diagram; its edges are the domain's table.</summary>
public partial class LifecycleDiagramTests
{
    [Theory]
    [InlineData(TicketType.Complaint)]
    [InlineData(TicketType.Inquiry)]
    [InlineData(TicketType.Suggestion)]
    public void The_README_diagram_of_each_type_draws_exactly_its_table(TicketType type)
    {
        var edges = DiagramEdges(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")), type.ToString().ToUpperInvariant());

        edges.Should().NotBeEmpty();
        edges.Should().BeEquivalentTo(TicketLifecycle.For(type).Moves);
    }

    [Fact]
    public void Internal_notes_are_allowed_in_every_status_and_are_left_out_of_the_diagrams()
    {
        foreach (var lifecycle in TicketLifecycle.All)
        {
            lifecycle.Transitions.Except(lifecycle.Moves).Should().BeEquivalentTo(
                Enum.GetValues<TicketStatus>().Select(s => new TicketTransition(s, TicketTrigger.AddInternalNote, s)));
        }
    }

    private static List<TicketTransition> DiagramEdges(string readme, string heading)
    {
        var start = readme.IndexOf($"\n#### {heading}\n", StringComparison.Ordinal);
        start.Should().BePositive("README.md has a \"#### {0}\" section", heading);
        var open = readme.IndexOf("```mermaid", start, StringComparison.Ordinal);
        var close = readme.IndexOf("```", open + 3, StringComparison.Ordinal);
        return Edge().Matches(readme[open..close])
            .Select(m => new TicketTransition(Status(m.Groups["from"].Value), Enum.Parse<TicketTrigger>(m.Groups["trigger"].Value), Status(m.Groups["to"].Value)))
            .ToList();
    }

    // IN_PROGRESS → InProgress, as the contract spells the statuses.
    private static TicketStatus Status(string upperSnake) => Enum.Parse<TicketStatus>(upperSnake.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tahseen.Grpc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tahseen.Grpc.sln not found above the test output.");
    }

    [GeneratedRegex(@"^\s*(?<from>[A-Z_]+) --> (?<to>[A-Z_]+) : (?<trigger>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Edge();
}
