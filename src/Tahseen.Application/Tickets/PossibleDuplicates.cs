using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>Another ticket that may be about the same matter.</summary>
public sealed record PossibleDuplicateDto(Guid TicketId, string ReferenceNumber, string Subject, TicketStatus Status);

/// <summary>The <c>Duplicates</c> configuration section.</summary>
public sealed class DuplicateOptions
{
    public const string SectionName = "Duplicates";

    /// <summary>The <see cref="TicketSimilarity"/> score from which a ticket is listed, above 0 and at most 1.</summary>
    public double Threshold { get; set; } = TicketSimilarity.DefaultThreshold;
}

/// <summary>
/// A submitter's tickets that read like another of theirs: the same category, open or closed in the
/// last <see cref="ClosedWithinDays"/> days, among their <see cref="MaxCandidates"/> most recent such
/// tickets, scored by <see cref="TicketSimilarity"/> in memory (subjects and descriptions may be
/// stored sealed, so the database cannot compare them), at most <see cref="MaxAnswered"/>, most alike
/// first.
/// </summary>
public static class PossibleDuplicates
{
    public const int MaxCandidates = 200;

    public const int MaxAnswered = 5;

    public const int ClosedWithinDays = 30;

    private static readonly TicketStatus[] Final = [.. Enum.GetValues<TicketStatus>().Where(TicketStateMachine.IsFinal)];

    public static async Task<IReadOnlyList<PossibleDuplicateDto>> FindAsync(
        IApplicationDbContext db,
        Guid ticketId,
        Guid submitterId,
        Guid categoryId,
        string subject,
        string description,
        double threshold,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var closedSince = now.AddDays(-ClosedWithinDays);
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.SubmitterAccountId == submitterId
                && t.CategoryId == categoryId
                && t.Id != ticketId
                && t.ContentRedactTime == null
                && (!Final.Contains(t.Status) || t.CloseTime >= closedSince))
            .OrderByDescending(t => t.CreateTime)
            .ThenByDescending(t => t.Id)
            .Take(MaxCandidates)
            .Select(t => new { t.Id, t.ReferenceNumber, t.Subject, t.Description, t.Status, t.CreateTime })
            .ToListAsync(cancellationToken);

        return candidates
            .Select(c => (Candidate: c, Score: TicketSimilarity.Score(subject, description, c.Subject, c.Description)))
            .Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Candidate.CreateTime)
            .Take(MaxAnswered)
            .Select(s => new PossibleDuplicateDto(s.Candidate.Id, s.Candidate.ReferenceNumber, s.Candidate.Subject, s.Candidate.Status))
            .ToList();
    }
}
