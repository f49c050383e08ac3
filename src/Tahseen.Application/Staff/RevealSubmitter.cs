using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Staff;

/// <summary>The whole identity and contact of one ticket's submitter, for a stated purpose.</summary>
[RequireRoles(RoleSets.Desk)]
public sealed record RevealSubmitterCommand(string TicketId, string Purpose, string? RequestId = null)
    : IRequest<SubmitterDto>, IIdempotentCommand;

public sealed class RevealSubmitterCommandValidator : AbstractValidator<RevealSubmitterCommand>
{
    public const int MaxPurposeLength = 300;

    public RevealSubmitterCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Purpose).RequiredText(MaxPurposeLength);
    }
}

/// <summary>
/// Need-to-know: the same tickets as staff GetTicket, each reveal spent from the caller's daily
/// budget (<see cref="SubmitterRevealOptions.RevealsPerDay"/>) and written to the audit chain with
/// its purpose, in the same transaction as the spend. A reveal beyond the budget is refused and
/// recorded as a security event. The audit line names the ticket and the staff member only; the
/// purpose is kept with anything that looks like an identifier masked. A retry with the same
/// request_id answers as the first call (from the sealed idempotency store) and spends nothing again.
/// </summary>
public sealed class RevealSubmitterCommandHandler(
    IApplicationDbContext db,
    ICurrentUser caller,
    SecurityLog securityLog,
    UnitOfWork unitOfWork,
    IOptions<SubmitterRevealOptions> options,
    TimeProvider clock)
    : IRequestHandler<RevealSubmitterCommand, SubmitterDto>
{
    public const string AuditAction = "SUBMITTER_REVEALED";

    public async Task<SubmitterDto> Handle(RevealSubmitterCommand request, CancellationToken cancellationToken)
    {
        var ticketId = Guid.Parse(request.TicketId);
        var submitterId = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Select(t => (Guid?)t.SubmitterAccountId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new TahseenException(ErrorReason.TicketNotFound);

        var now = clock.GetUtcNow();
        if (!await SpendAsync(caller.AccountId, RevealBudget.DayOf(now), cancellationToken))
        {
            securityLog.Record(SecurityEventKind.RevealLimitReached, caller.AccountId, $"ticket {ticketId:D}");
            throw UnitOfWork.CommitThenFail(ErrorReason.RevealLimitReached);
        }

        var submitter = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == submitterId, cancellationToken);
        db.AuditEvents.Add(new AuditEvent(
            now, caller.AccountId, AuditAction, "ticket", ticketId.ToString("D"),
            "purpose: " + PersonalDataMask.Scrub(TextInput.Clean(request.Purpose))));
        return SubmitterDto.WholeOf(submitter);
    }

    /// <summary>
    /// Spends one reveal by a conditional UPDATE (a day's row exists and is under the limit); the day's
    /// first reveal inserts the row, and of two overlapping first inserts the key lets one win, the
    /// other spending from it. False when the budget is used up.
    /// </summary>
    private async Task<bool> SpendAsync(Guid staffId, DateOnly day, CancellationToken cancellationToken)
    {
        var max = options.Value.RevealsPerDay;
        for (var attempt = 0; ; attempt++)
        {
            var spent = await db.RevealBudgets
                .Where(b => b.AccountId == staffId && b.Day == day && b.Count < max)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count + 1), cancellationToken);
            if (spent == 1)
            {
                return true;
            }

            if (await db.RevealBudgets.AnyAsync(b => b.AccountId == staffId && b.Day == day, cancellationToken))
            {
                return false;
            }

            var started = RevealBudget.StartedBy(staffId, day);
            db.RevealBudgets.Add(started);
            try
            {
                await unitOfWork.WriteAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another reveal started the day first; spend from its row. The failed save rolled back
                // to its own savepoint, so the command's transaction goes on.
                db.RevealBudgets.Entry(started).State = EntityState.Detached;
            }
        }
    }
}
