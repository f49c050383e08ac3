using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Application.Tickets;
using Tahseen.Domain.Common;
using Tahseen.Domain.Tickets;

using Tahseen.Domain.Identity;

namespace Tahseen.Application.Admin;

/// <summary>Renames a category or retires it; tickets filed under a retired category keep it.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record UpdateCategoryCommand(string CategoryId, string NameAr, string NameEn, bool Active, string? RequestId = null)
    : IRequest<CategoryDto>, IIdempotentCommand;

public sealed class UpdateCategoryCommandValidator : AbstractValidator<UpdateCategoryCommand>
{
    public UpdateCategoryCommandValidator()
    {
        RuleFor(c => c.CategoryId).Identifier();
        RuleFor(c => c.NameAr).RequiredText(Category.MaxNameLength);
        RuleFor(c => c.NameEn).RequiredText(Category.MaxNameLength);
    }
}

public sealed class UpdateCategoryCommandHandler(IApplicationDbContext db, UnitOfWork unitOfWork)
    : IRequestHandler<UpdateCategoryCommand, CategoryDto>
{
    public async Task<CategoryDto> Handle(UpdateCategoryCommand request, CancellationToken cancellationToken)
    {
        var categoryId = Guid.Parse(request.CategoryId);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken)
            ?? throw new TahseenException(ErrorReason.CategoryNotFound);

        var nameAr = TextInput.Clean(request.NameAr);
        var nameEn = TextInput.Clean(request.NameEn);
        await CategoryNames.EnsureFreeAsync(db, nameAr, nameEn, categoryId, cancellationToken);
        category.Update(nameAr, nameEn, request.Active);
        await CategoryNames.SaveAsync(db, unitOfWork, nameAr, nameEn, categoryId, cancellationToken);
        return new CategoryDto(category.Id, category.NameAr, category.NameEn, category.Active);
    }
}
