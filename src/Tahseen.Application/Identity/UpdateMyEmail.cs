using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Privacy;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;

namespace Tahseen.Application.Identity;

/// <summary>The new address; required, as it is at registration.</summary>
[RequireRoles(RoleSets.People)]
public sealed record UpdateMyEmailCommand(string? Email) : IRequest<AccountDto>;

public sealed class UpdateMyEmailCommandValidator : AbstractValidator<UpdateMyEmailCommand>
{
    public UpdateMyEmailCommandValidator() => RuleFor(c => c.Email).Email();
}

/// <summary>
/// The right of correction for the one personal datum the person owns rather than the civil registry
/// (names and identity come from the registry; the mobile is proven by a code at registration). Each
/// change is recorded as a CORRECTION request, completed at once, and audited by id only.
/// </summary>
public sealed class UpdateMyEmailCommandHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<UpdateMyEmailCommand, AccountDto>
{
    public async Task<AccountDto> Handle(UpdateMyEmailCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accountId = caller.AccountId;
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        account.ChangeEmail(EmailAddress.Parse(request.Email), now);

        var correction = DataSubjectRequest.Correction(accountId, now);
        db.DataSubjectRequests.Add(correction);
        db.AuditEvents.Add(new AuditEvent(
            now, accountId, PrivacyAuditActions.EmailCorrected, PrivacyAuditActions.SubjectType, correction.Id.ToString("D"), null));
        return AccountDto.From(account);
    }
}
