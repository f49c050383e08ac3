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

/// <summary>A new, active category, listed after the existing ones.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record CreateCategoryCommand(string NameAr, string NameEn, string? RequestId = null)
    : IRequest<CategoryDto>, IIdempotentCommand;

public sealed class CreateCategoryCommandValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryCommandValidator()
    {
        RuleFor(c => c.NameAr).RequiredText(Category.MaxNameLength);
        RuleFor(c => c.NameEn).RequiredText(Category.MaxNameLength);
    }
}

public sealed class CreateCategoryCommandHandler(IApplicationDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<CreateCategoryCommand, CategoryDto>
{
    public async Task<CategoryDto> Handle(CreateCategoryCommand request, CancellationToken cancellationToken)
    {
        var nameAr = TextInput.Clean(request.NameAr);
        var nameEn = TextInput.Clean(request.NameEn);
        await CategoryNames.EnsureFreeAsync(db, nameAr, nameEn, exceptId: null, cancellationToken);

        var position = await db.Categories.Select(c => (int?)c.Position).MaxAsync(cancellationToken) ?? 0;
        var category = new Category(Guid.CreateVersion7(clock.GetUtcNow()), nameAr, nameEn, position + 1);
        db.Categories.Add(category);
        await CategoryNames.SaveAsync(db, unitOfWork, nameAr, nameEn, category.Id, cancellationToken);
        return new CategoryDto(category.Id, category.NameAr, category.NameEn, category.Active);
    }
}

/// <summary>Category names are unique in each language, regardless of case.</summary>
internal static class CategoryNames
{
    public static async Task EnsureFreeAsync(IApplicationDbContext db, string nameAr, string nameEn, Guid? exceptId, CancellationToken cancellationToken)
    {
        // A few dozen rows at most: compared here, the rule reads the same on every database.
        var others = await db.Categories.AsNoTracking()
            .Where(c => c.Id != exceptId)
            .Select(c => new { c.NameAr, c.NameEn })
            .ToListAsync(cancellationToken);
        if (others.Any(c => string.Equals(c.NameAr, nameAr, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.NameEn, nameEn, StringComparison.OrdinalIgnoreCase)))
        {
            throw new TahseenException(ErrorReason.CategoryExists);
        }
    }

    /// <summary>Writes now, turning a lost race on the unique name indexes into CATEGORY_EXISTS.</summary>
    public static async Task SaveAsync(
        IApplicationDbContext db, UnitOfWork unitOfWork, string nameAr, string nameEn, Guid categoryId, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.WriteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await db.Categories.AnyAsync(c => c.Id != categoryId && (c.NameAr == nameAr || c.NameEn == nameEn), cancellationToken))
            {
                throw;
            }

            throw new TahseenException(ErrorReason.CategoryExists);
        }
    }
}
