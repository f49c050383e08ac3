using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Tickets;

/// <summary>Categories a ticket can be filed under; inactive ones only when asked (staff and admin views).</summary>
public sealed record ListCategoriesQuery(bool IncludeInactive = false) : IRequest<IReadOnlyList<CategoryDto>>;

public sealed record CategoryDto(Guid CategoryId, string NameAr, string NameEn, bool Active);

public sealed class ListCategoriesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListCategoriesQuery, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(ListCategoriesQuery request, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .Where(c => request.IncludeInactive || c.Active)
            .OrderBy(c => c.Position)
            .Select(c => new CategoryDto(c.Id, c.NameAr, c.NameEn, c.Active))
            .ToListAsync(cancellationToken);
}
