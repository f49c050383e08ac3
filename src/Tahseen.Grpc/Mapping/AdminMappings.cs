using System.Globalization;
using Mapster;
using Tahseen.Application.Admin;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Identity;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

/// <summary>AdminService: staff accounts, account status, categories, the audit log and dead letters. Accounts map as in <see cref="IdentityMappings"/>.</summary>
public sealed class AdminMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<CreateStaffAccountRequest, CreateStaffAccountCommand>()
            .Map(d => d.Roles, s => EnumMappings.FromProto(s.Roles));
        config.NewConfig<ListAccountsRequest, ListAccountsQuery>()
            .Map(d => d.Role, s => EnumMappings.RoleFilterFromProto(s.Role))
            .Map(d => d.Status, s => EnumMappings.FromProto(s.Status));
        config.NewConfig<SetAccountStatusRequest, SetAccountStatusCommand>()
            .Map(d => d.Status, s => EnumMappings.FromProto(s.Status));
        config.NewConfig<SetAccountRolesRequest, SetAccountRolesCommand>()
            .Map(d => d.Roles, s => EnumMappings.FromProto(s.Roles));
        config.NewConfig<SetStaffCategoriesRequest, SetStaffCategoriesCommand>()
            .MapWith(s => new SetStaffCategoriesCommand(s.AccountId, s.CategoryIds.ToList(), s.RequestId));
        config.NewConfig<CreateCategoryRequest, CreateCategoryCommand>();
        config.NewConfig<UpdateCategoryRequest, UpdateCategoryCommand>();

        config.NewConfig<AccountDto, CreateStaffAccountResponse>().Map(d => d.Account, s => s);
        config.NewConfig<AccountPage, ListAccountsResponse>();
        config.NewConfig<AccountDto, SetAccountStatusResponse>().Map(d => d.Account, s => s);
        config.NewConfig<AccountDto, SetAccountRolesResponse>().Map(d => d.Account, s => s);
        config.NewConfig<AccountDto, SetStaffCategoriesResponse>().Map(d => d.Account, s => s);
        config.NewConfig<CategoryDto, CreateCategoryResponse>().Map(d => d.Category, s => s);
        config.NewConfig<CategoryDto, UpdateCategoryResponse>().Map(d => d.Category, s => s);

        config.NewConfig<ListAuditEventsRequest, ListAuditEventsQuery>()
            .Map(d => d.StartTime, s => CommonMappings.ToInstant(s.StartTime, "start_time"))
            .Map(d => d.EndTime, s => CommonMappings.ToInstant(s.EndTime, "end_time"));
        config.NewConfig<AuditEventDto, AuditEvent>().Map(d => d.CreateTime, s => s.CreateTime);
        config.NewConfig<AuditEventPage, ListAuditEventsResponse>();
        config.NewConfig<AuditChainReport, VerifyAuditChainResponse>();

        config.NewConfig<ListDeadLettersRequest, ListDeadLettersQuery>();
        config.NewConfig<RetryDeadLetterRequest, RetryDeadLetterCommand>();
        config.NewConfig<DeadLetterDto, DeadLetter>()
            .Map(d => d.Cursor, s => s.Cursor.ToString(CultureInfo.InvariantCulture))
            .Map(d => d.TicketId, s => s.TicketId.ToString());
        config.NewConfig<DeadLetterPage, ListDeadLettersResponse>();
        config.NewConfig<DeadLetterDto, RetryDeadLetterResponse>().Map(d => d.DeadLetter, s => s);
        config.NewConfig<CreateServiceAccountRequest, CreateServiceAccountCommand>()
            .MapWith(s => new CreateServiceAccountCommand(s.Name, s.Scopes.ToList(), s.RequestId));
        config.NewConfig<RotateServiceAccountSecretRequest, RotateServiceAccountSecretCommand>();
        config.NewConfig<SetServiceAccountStatusRequest, SetServiceAccountStatusCommand>()
            .Map(d => d.Status, s => EnumMappings.FromProto(s.Status));
        config.NewConfig<ServiceAccountDto, ServiceAccount>()
            .Map(d => d.Status, s => EnumMappings.ToProto(s.Status));
        config.NewConfig<ServiceAccountWithSecretDto, CreateServiceAccountResponse>();
        config.NewConfig<ServiceAccountWithSecretDto, RotateServiceAccountSecretResponse>();
        config.NewConfig<ServiceAccountDto, SetServiceAccountStatusResponse>().Map(d => d.ServiceAccount, s => s);
    }
}
