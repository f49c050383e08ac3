using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;

namespace Tahseen.Application.Identity;

[RequireRoles(RoleSets.People)]
public sealed record GetMyAccountQuery : IRequest<AccountDto>;

public sealed class GetMyAccountQueryHandler(IApplicationDbContext db, ICurrentUser caller)
    : IRequestHandler<GetMyAccountQuery, AccountDto>
{
    public async Task<AccountDto> Handle(GetMyAccountQuery request, CancellationToken cancellationToken)
    {
        var accountId = caller.AccountId;
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        return AccountDto.From(account);
    }
}
