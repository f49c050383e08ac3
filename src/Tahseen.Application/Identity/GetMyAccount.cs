using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Staff;

namespace Tahseen.Application.Identity;

/// <summary>The caller's own account, and the restriction a supervisor put on it while one is in force.</summary>
public sealed record MyAccountDto(AccountDto Account, RestrictionDto? Restriction);

[RequireRoles(RoleSets.People)]
public sealed record GetMyAccountQuery : IRequest<MyAccountDto>;

public sealed class GetMyAccountQueryHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<GetMyAccountQuery, MyAccountDto>
{
    public async Task<MyAccountDto> Handle(GetMyAccountQuery request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var limit = await db.RequesterLimits.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == accountId, cancellationToken);
        return new MyAccountDto(AccountDto.From(account), RestrictionDto.ActiveOf(limit, clock.GetUtcNow()));
    }
}
