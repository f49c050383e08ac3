using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>An account for a Civil Affairs employee: staff, admin or both, never citizen.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record CreateStaffAccountCommand(
    string Username, string Password, string FullName, string MobileNumber, AccountRoles Roles, string? RequestId = null)
    : IRequest<AccountDto>, IIdempotentCommand;

public sealed class CreateStaffAccountCommandValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountCommandValidator()
    {
        RuleFor(c => c.Username).Must(u => Username.TryParse(u, out _)).WithReason(ErrorReason.UsernameInvalid);
        RuleFor(c => c.Password).Custom((password, context) =>
        {
            // Every broken rule of the policy at once, each with its own reason, as registration reports them.
            var username = Username.TryParse(context.InstanceToValidate.Username, out var parsed) ? parsed.Value : null;
            foreach (var violation in PasswordPolicy.Default.Check(password ?? string.Empty, username, nationalId: null))
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, violation.Reason.Code)
                {
                    ErrorCode = violation.Reason.Code,
                    CustomState = violation.Arguments,
                });
            }
        });
        RuleFor(c => c.FullName).RequiredText(Account.MaxFullNameLength);
        RuleFor(c => c.MobileNumber).Must(m => Domain.Identity.MobileNumber.TryParse(m, out _)).WithReason(ErrorReason.MobileInvalid);
        RuleFor(c => c.Roles)
            .NotEqual(AccountRoles.None).WithReason(ErrorReason.FieldRequired)
            .Must(roles => !roles.HasFlag(AccountRoles.Citizen)).WithReason(ErrorReason.FieldInvalid);
    }
}

public sealed class CreateStaffAccountCommandHandler(
    IApplicationDbContext db, UnitOfWork unitOfWork, ICurrentUser user, IPasswordHasher hasher, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<CreateStaffAccountCommand, AccountDto>
{
    public async Task<AccountDto> Handle(CreateStaffAccountCommand request, CancellationToken cancellationToken)
    {
        var username = Username.Parse(request.Username);
        if (await UsernameTakenAsync(username, cancellationToken))
        {
            throw new TahseenException(ErrorReason.UsernameTaken);
        }

        var now = clock.GetUtcNow();
        var account = Account.CreateStaff(
            username, TextInput.Clean(request.FullName), MobileNumber.Parse(request.MobileNumber), hasher.Hash(request.Password), request.Roles, now);
        db.Accounts.Add(account);
        securityLog.Record(SecurityEventKind.StaffAccountCreated, account.Id, $"{request.Roles} by {user.AccountId}");
        try
        {
            await unitOfWork.WriteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the name between the check and the insert; the unique index saw it.
            if (!await UsernameTakenAsync(username, cancellationToken))
            {
                throw;
            }

            throw new TahseenException(ErrorReason.UsernameTaken);
        }

        return AccountDto.From(account);
    }

    private Task<bool> UsernameTakenAsync(Username username, CancellationToken cancellationToken) =>
        db.Accounts.AnyAsync(a => a.NormalizedUsername == username.Normalized, cancellationToken);
}
