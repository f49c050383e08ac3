using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Identity;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Domain.Identity;
using ProtoAccountStatus = Tahseen.Contracts.V1.AccountStatus;
using ProtoPersonKind = Tahseen.Contracts.V1.PersonKind;
using ProtoRole = Tahseen.Contracts.V1.Role;

namespace Tahseen.Grpc.Mapping;

/// <summary>Every enum crossing the edge, by name, written once. An unknown value is a bug, not a default.</summary>
public static class EnumMappings
{
    public static IEnumerable<ProtoRole> ToProto(AccountRoles roles) => RoleNames.Of(roles).Select(RoleFromName);

    public static ProtoRole RoleFromName(string role) => role switch
    {
        RoleNames.Citizen => ProtoRole.Citizen,
        RoleNames.Staff => ProtoRole.Staff,
        RoleNames.Admin => ProtoRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static AccountRoles FromProto(IEnumerable<ProtoRole> roles) =>
        roles.Aggregate(AccountRoles.None, (all, role) => all | role switch
        {
            ProtoRole.Citizen => AccountRoles.Citizen,
            ProtoRole.Staff => AccountRoles.Staff,
            ProtoRole.Admin => AccountRoles.Admin,
            _ => AccountRoles.None,
        });

    public static ProtoAccountStatus ToProto(AccountStatusView status) => status switch
    {
        AccountStatusView.Active => ProtoAccountStatus.Active,
        AccountStatusView.Locked => ProtoAccountStatus.Locked,
        AccountStatusView.Disabled => ProtoAccountStatus.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ProtoPersonKind ToProto(PersonKind? kind) => kind switch
    {
        PersonKind.Citizen => ProtoPersonKind.Citizen,
        PersonKind.Resident => ProtoPersonKind.Resident,
        null => ProtoPersonKind.Unspecified,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IdentityStatus ToProto(CivilStatus status) => status switch
    {
        CivilStatus.Active => IdentityStatus.Active,
        CivilStatus.IqamaExpired => IdentityStatus.IqamaExpired,
        CivilStatus.Deceased => IdentityStatus.Deceased,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
