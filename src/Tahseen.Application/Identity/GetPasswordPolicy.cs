using MediatR;
using Tahseen.Domain.Identity;

namespace Tahseen.Application.Identity;

public sealed record GetPasswordPolicyQuery : IRequest<PasswordPolicyDto>;

public sealed record PasswordPolicyDto(IReadOnlyList<PasswordRule> Rules, int MinLength, int MaxLength);

/// <summary>The rules published are the very rules enforced: both come from <see cref="PasswordPolicy"/>.</summary>
public sealed class GetPasswordPolicyQueryHandler : IRequestHandler<GetPasswordPolicyQuery, PasswordPolicyDto>
{
    public Task<PasswordPolicyDto> Handle(GetPasswordPolicyQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new PasswordPolicyDto(PasswordPolicy.Default.Rules, PasswordPolicy.MinLength, PasswordPolicy.MaxLength));
}
