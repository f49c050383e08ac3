using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Audit;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.CannedResponses;

/// <summary>
/// A new canned response. An empty category or an unset type offers it for every category or type. The
/// bodies may hold the placeholders of <see cref="ResponseTemplate"/>; any other is PLACEHOLDER_UNKNOWN.
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record CreateCannedResponseCommand(
    string? CategoryId, TicketType? Type, string TitleAr, string TitleEn, string BodyAr, string BodyEn, bool Active, string? RequestId = null)
    : IRequest<CannedResponseDto>, IIdempotentCommand;

/// <summary>Replaces every field of a canned response; <c>active = false</c> retires it.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record UpdateCannedResponseCommand(
    string CannedResponseId,
    string? CategoryId,
    TicketType? Type,
    string TitleAr,
    string TitleEn,
    string BodyAr,
    string BodyEn,
    bool Active,
    string? RequestId = null)
    : IRequest<CannedResponseDto>, IIdempotentCommand;

public sealed class CreateCannedResponseCommandValidator : AbstractValidator<CreateCannedResponseCommand>
{
    public CreateCannedResponseCommandValidator()
    {
        RuleFor(c => c.CategoryId).OptionalIdentifier();
        RuleFor(c => c.Type).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.TitleAr).RequiredText(CannedResponse.MaxTitleLength);
        RuleFor(c => c.TitleEn).RequiredText(CannedResponse.MaxTitleLength);
        RuleFor(c => c.BodyAr).RequiredText(TicketLimits.Body);
        RuleFor(c => c.BodyEn).RequiredText(TicketLimits.Body);
    }
}

public sealed class UpdateCannedResponseCommandValidator : AbstractValidator<UpdateCannedResponseCommand>
{
    public UpdateCannedResponseCommandValidator()
    {
        RuleFor(c => c.CannedResponseId).Identifier();
        RuleFor(c => c.CategoryId).OptionalIdentifier();
        RuleFor(c => c.Type).IsInEnum().WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.TitleAr).RequiredText(CannedResponse.MaxTitleLength);
        RuleFor(c => c.TitleEn).RequiredText(CannedResponse.MaxTitleLength);
        RuleFor(c => c.BodyAr).RequiredText(TicketLimits.Body);
        RuleFor(c => c.BodyEn).RequiredText(TicketLimits.Body);
    }
}

public sealed class CreateCannedResponseCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateCannedResponseCommand, CannedResponseDto>
{
    public async Task<CannedResponseDto> Handle(CreateCannedResponseCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var categoryId = await CannedResponseCategories.ResolveAsync(db, request.CategoryId, cancellationToken);
        var response = new CannedResponse(
            Guid.CreateVersion7(now),
            categoryId,
            request.Type,
            TextInput.Clean(request.TitleAr),
            TextInput.Clean(request.TitleEn),
            TextInput.Clean(request.BodyAr),
            TextInput.Clean(request.BodyEn),
            request.Active,
            now);
        db.CannedResponses.Add(response);
        db.AuditEvents.Add(new AuditEvent(
            now, user.AccountId, CannedResponseAuditActions.Created, CannedResponseAuditActions.SubjectType, response.Id.ToString("D"), null));
        return CannedResponseDto.From(response);
    }
}

public sealed class UpdateCannedResponseCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UpdateCannedResponseCommand, CannedResponseDto>
{
    public async Task<CannedResponseDto> Handle(UpdateCannedResponseCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.Parse(request.CannedResponseId);
        var response = await db.CannedResponses.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new TahseenException(ErrorReason.CannedResponseNotFound);
        var categoryId = await CannedResponseCategories.ResolveAsync(db, request.CategoryId, cancellationToken);
        response.Update(
            categoryId,
            request.Type,
            TextInput.Clean(request.TitleAr),
            TextInput.Clean(request.TitleEn),
            TextInput.Clean(request.BodyAr),
            TextInput.Clean(request.BodyEn),
            request.Active,
            now);
        db.AuditEvents.Add(new AuditEvent(
            now, user.AccountId, CannedResponseAuditActions.Updated, CannedResponseAuditActions.SubjectType, response.Id.ToString("D"), null));
        return CannedResponseDto.From(response);
    }
}

internal static class CannedResponseCategories
{
    /// <summary>Null for "every category"; otherwise a category that exists (retired ones too: old tickets carry them).</summary>
    public static async Task<Guid?> ResolveAsync(IApplicationDbContext db, string? categoryId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(categoryId))
        {
            return null;
        }

        var id = Guid.Parse(categoryId);
        return await db.Categories.AnyAsync(c => c.Id == id, cancellationToken)
            ? id
            : throw TahseenException.ForField("category_id", ErrorReason.CategoryNotFound);
    }
}
