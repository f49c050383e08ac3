using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;

namespace Tahseen.Application.Tickets;

/// <summary>
/// Categories a ticket can be filed under. Staff also see retired ones, which older tickets still carry;
/// everyone else only the active ones.
/// </summary>
public sealed record ListCategoriesQuery : IRequest<IReadOnlyList<CategoryDto>>;

public sealed record CategoryDto(Guid CategoryId, string NameAr, string NameEn, bool Active);

public sealed class ListCategoriesQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IRequestHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery request, CancellationToken cancellationToken)
    {
        var includeInactive = user.IsStaff();
        return await db.Categories.AsNoTracking()
            .Where(c => includeInactive || c.Active)
            .OrderBy(c => c.Position)
            .Select(c => new CategoryDto(c.Id, c.NameAr, c.NameEn, c.Active))
            .ToListAsync(cancellationToken);
    }
}
