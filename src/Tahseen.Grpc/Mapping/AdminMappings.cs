using Mapster;
using Tahseen.Application.Admin;
using Tahseen.Application.Identity;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using AccountRoles = Tahseen.Domain.Identity.AccountRoles;
using ProtoAccountStatus = Tahseen.Contracts.V1.AccountStatus;
using ProtoPersonKind = Tahseen.Contracts.V1.PersonKind;

namespace Tahseen.Grpc.Mapping;

/// <summary>AdminService: staff accounts, account status and categories.</summary>
public sealed class AdminMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Role, AccountRoles>().MapWith(role => ToDomain(role));
        config.NewConfig<Role, AccountRoles?>().MapWith(role => role == Role.Unspecified ? null : ToDomain(role));
        config.NewConfig<ProtoAccountStatus, AccountStatusView?>().MapWith(status => ToDomain(status));
        config.NewConfig<AccountStatusView, ProtoAccountStatus>().MapWith(status => ToProto(status));
        config.NewConfig<Domain.Identity.PersonKind?, ProtoPersonKind>().MapWith(kind => ToProto(kind));

        config.NewConfig<AccountDto, Account>().Map(d => d.Roles, s => RolesOf(s.Roles));

        config.NewConfig<CreateStaffAccountRequest, CreateStaffAccountCommand>();
        config.NewConfig<ListAccountsRequest, ListAccountsQuery>();
        config.NewConfig<SetAccountStatusRequest, SetAccountStatusCommand>();
        config.NewConfig<CreateCategoryRequest, CreateCategoryCommand>();
        config.NewConfig<UpdateCategoryRequest, UpdateCategoryCommand>();

        config.NewConfig<AccountDto, CreateStaffAccountResponse>().Map(d => d.Account, s => s);
        config.NewConfig<AccountPage, ListAccountsResponse>();
        config.NewConfig<AccountDto, SetAccountStatusResponse>().Map(d => d.Account, s => s);
        config.NewConfig<CategoryDto, CreateCategoryResponse>().Map(d => d.Category, s => s);
        config.NewConfig<CategoryDto, UpdateCategoryResponse>().Map(d => d.Category, s => s);
    }

    /// <summary>ROLE_UNSPECIFIED and unknown numbers become None, which every use case refuses.</summary>
    private static AccountRoles ToDomain(Role role) => role switch
    {
        Role.Citizen => AccountRoles.Citizen,
        Role.Staff => AccountRoles.Staff,
        Role.Admin => AccountRoles.Admin,
        _ => AccountRoles.None,
    };

    private static List<Role> RolesOf(AccountRoles roles) =>
    [
        .. Enum.GetValues<Role>().Where(role => role != Role.Unspecified && roles.HasFlag(ToDomain(role))),
    ];

    private static AccountStatusView? ToDomain(ProtoAccountStatus status) => status switch
    {
        ProtoAccountStatus.Unspecified => null,
        ProtoAccountStatus.Active => AccountStatusView.Active,
        ProtoAccountStatus.Locked => AccountStatusView.Locked,
        ProtoAccountStatus.Disabled => AccountStatusView.Disabled,
        _ => (AccountStatusView)(int)status,
    };

    private static ProtoAccountStatus ToProto(AccountStatusView status) => status switch
    {
        AccountStatusView.Active => ProtoAccountStatus.Active,
        AccountStatusView.Locked => ProtoAccountStatus.Locked,
        AccountStatusView.Disabled => ProtoAccountStatus.Disabled,
        _ => ProtoAccountStatus.Unspecified,
    };

    private static ProtoPersonKind ToProto(Domain.Identity.PersonKind? kind) => kind switch
    {
        Domain.Identity.PersonKind.Citizen => ProtoPersonKind.Citizen,
        Domain.Identity.PersonKind.Resident => ProtoPersonKind.Resident,
        _ => ProtoPersonKind.Unspecified,
    };
}
