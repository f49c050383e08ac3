using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Tickets;

/// <summary>The <c>Appeals</c> configuration section.</summary>
public sealed class AppealOptions
{
    public const string SectionName = "Appeals";

    /// <summary>Calendar days after a resolution or rejection within which the submitter may appeal.</summary>
    public int WindowDays { get; set; } = 14;

    /// <summary>Working days a supervisor has to decide an appeal.</summary>
    public int TargetWorkingDays { get; set; } = 10;
}

/// <summary>
/// The submitter appeals a complaint's rejection, or its resolution as not upheld or partially upheld,
/// to a supervisor: once per ticket, within <see cref="AppealOptions.WindowDays"/>. The ticket becomes
/// APPEALED with its own due time; the submitter is told by SMS that the appeal was received.
/// </summary>
[RequireRoles(RoleSets.People)]
public sealed record AppealTicketCommand(string TicketId, string Reason, string? RequestId = null)
    : IRequest<TicketDto>, IIdempotentCommand;

public sealed class AppealTicketCommandValidator : AbstractValidator<AppealTicketCommand>
{
    public AppealTicketCommandValidator()
    {
        RuleFor(c => c.TicketId).Identifier();
        RuleFor(c => c.Reason).RequiredText(TicketLimits.Reason);
    }
}

public sealed class AppealTicketCommandHandler(
    IApplicationDbContext db, ICurrentUser user, WorkingCalendar calendar, DueTimePolicy dueTimePolicy, IOptions<AppealOptions> options,
    TimeProvider clock)
    : IRequestHandler<AppealTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(AppealTicketCommand request, CancellationToken cancellationToken)
    {
        var ticket = await db.GetOwnTicketAsync(request.TicketId, user.AccountId, cancellationToken);
        var now = clock.GetUtcNow();
        var appeals = options.Value;
        ticket.LodgeAppeal(
            user.AccountId, TextInput.Clean(request.Reason), TimeSpan.FromDays(appeals.WindowDays),
            dueTimePolicy.DueAfter(now, appeals.TargetWorkingDays, calendar), now);

        // Once per ticket under overlapping calls: the lodge time is claimed by a conditional UPDATE
        // (a second appeal waits for the first to commit, then finds it set). The domain's checks ran
        // first, so a refused appeal writes nothing.
        var ticketId = ticket.Id;
        var claimed = await db.Tickets.Where(t => t.Id == ticketId && t.AppealLodgeTime == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AppealLodgeTime, now), cancellationToken);
        if (claimed != 1)
        {
            throw new TahseenException(ErrorReason.AppealAlreadyLodged);
        }

        return TicketViews.ToPublic(ticket);
    }
}
