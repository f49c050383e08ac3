using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Application.Identity;

public sealed record GetTermsQuery : IRequest<TermsDto>;

public sealed record TermsDto(string Version, IReadOnlyList<TermsClauseDto> Clauses);

public sealed record TermsClauseDto(string TextAr, string TextEn);

public sealed class GetTermsQueryHandler(IApplicationDbContext db) : IRequestHandler<GetTermsQuery, TermsDto>
{
    public async Task<TermsDto> Handle(GetTermsQuery request, CancellationToken cancellationToken) =>
        await CurrentTerms.Query(db)
            .Select(t => new TermsDto(
                t.Version,
                t.Clauses.OrderBy(c => c.Position).Select(c => new TermsClauseDto(c.TextAr, c.TextEn)).ToList()))
            .FirstAsync(cancellationToken);
}

/// <summary>The version in force is the one published last; seeding guarantees there is one.</summary>
internal static class CurrentTerms
{
    public static IQueryable<Domain.Identity.TermsVersion> Query(IApplicationDbContext db) =>
        db.TermsVersions.AsNoTracking().OrderByDescending(t => t.PublishTime).Take(1);
}
