using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Identity;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Operations;

/// <summary>
/// An administrator made by the operator's <c>create-admin</c> command, on the server with access to
/// its database: the way to the first admin of a new deployment. No caller token is involved, so the
/// security log records that the console made it.
/// </summary>
public sealed record CreateAdministratorCommand(string Username, string Password, string FullName, string MobileNumber)
    : IRequest<AccountDto>;

public sealed class CreateAdministratorCommandValidator : AbstractValidator<CreateAdministratorCommand>
{
    public CreateAdministratorCommandValidator()
    {
        RuleFor(c => c.Username).Must(u => Username.TryParse(u, out _)).WithReason(ErrorReason.UsernameInvalid);
        RuleFor(c => c.Password).Custom((password, context) =>
        {
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
    }
}

public sealed class CreateAdministratorCommandHandler(
    IApplicationDbContext db, UnitOfWork unitOfWork, IPasswordHasher hasher, SecurityLog securityLog, TimeProvider clock)
    : IRequestHandler<CreateAdministratorCommand, AccountDto>
{
    public async Task<AccountDto> Handle(CreateAdministratorCommand request, CancellationToken cancellationToken)
    {
        var username = Username.Parse(request.Username);
        if (await UsernameTakenAsync(username, cancellationToken))
        {
            throw new TahseenException(ErrorReason.UsernameTaken);
        }

        var now = clock.GetUtcNow();
        var account = Account.CreateStaff(
            username, TextInput.Clean(request.FullName), Domain.Identity.MobileNumber.Parse(request.MobileNumber),
            hasher.Hash(request.Password), AccountRoles.Admin | AccountRoles.Staff, now);
        db.Accounts.Add(account);
        securityLog.Record(SecurityEventKind.AdministratorCreatedFromConsole, account.Id, "create-admin");
        try
        {
            await unitOfWork.WriteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run took the name between the check and the insert; the unique index saw it.
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
