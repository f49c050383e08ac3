using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Privacy;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Privacy;

namespace Tahseen.Application.Admin;

[RequireRoles(AccountRoles.Admin)]
public sealed record ExtendDataSubjectRequestCommand(string DataSubjectRequestId, string Reason, string? RequestId = null)
    : IRequest<DataSubjectRequestDto>, IIdempotentCommand;

public sealed class ExtendDataSubjectRequestCommandValidator : AbstractValidator<ExtendDataSubjectRequestCommand>
{
    public ExtendDataSubjectRequestCommandValidator()
    {
        RuleFor(c => c.DataSubjectRequestId).Identifier();
        RuleFor(c => c.Reason).RequiredText(DataSubjectRequest.MaxReasonLength);
    }
}

/// <summary>
/// The law allows one extension of 30 days, with a reason. Two admins extending at once cannot both
/// succeed: the update only applies to the request as it was read (the extension time is a
/// concurrency token), so the second finds it extended and gets EXTENSION_ALREADY_USED.
/// </summary>
public sealed class ExtendDataSubjectRequestCommandHandler(IApplicationDbContext db, UnitOfWork unitOfWork, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<ExtendDataSubjectRequestCommand, DataSubjectRequestDto>
{
    public async Task<DataSubjectRequestDto> Handle(ExtendDataSubjectRequestCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var requestId = Guid.Parse(request.DataSubjectRequestId);
        var subjectRequest = await db.DataSubjectRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.DataSubjectRequestNotFound);
        subjectRequest.Extend(caller.AccountId, TextInput.Clean(request.Reason), now);
        db.AuditEvents.Add(new AuditEvent(
            now, caller.AccountId, PrivacyAuditActions.RequestExtended, PrivacyAuditActions.SubjectType, requestId.ToString("D"),
            $"due {subjectRequest.DueTime:O}"));
        try
        {
            await unitOfWork.WriteAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new TahseenException(ErrorReason.ExtensionAlreadyUsed);
        }

        return DataSubjectRequestDto.From(subjectRequest, now);
    }
}
