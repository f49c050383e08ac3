using Grpc.Core;
using MapsterMapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Admin;
using Tahseen.Application.Calendar;
using Tahseen.Application.CannedResponses;
using Tahseen.Application.Common.Security;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

[Authorize(Roles = RoleNames.Admin)]
public sealed class AdminGrpcService(IMediator mediator, IMapper mapper) : AdminService.AdminServiceBase
{
    public override async Task<CreateStaffAccountResponse> CreateStaffAccount(CreateStaffAccountRequest request, ServerCallContext context) =>
        mapper.Map<CreateStaffAccountResponse>(await mediator.Send(mapper.Map<CreateStaffAccountCommand>(request), context.CancellationToken));

    public override async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context) =>
        mapper.Map<ListAccountsResponse>(await mediator.Send(mapper.Map<ListAccountsQuery>(request), context.CancellationToken));

    public override async Task<SetAccountStatusResponse> SetAccountStatus(SetAccountStatusRequest request, ServerCallContext context) =>
        mapper.Map<SetAccountStatusResponse>(await mediator.Send(mapper.Map<SetAccountStatusCommand>(request), context.CancellationToken));

    public override async Task<CreateCategoryResponse> CreateCategory(CreateCategoryRequest request, ServerCallContext context) =>
        mapper.Map<CreateCategoryResponse>(await mediator.Send(mapper.Map<CreateCategoryCommand>(request), context.CancellationToken));

    public override async Task<UpdateCategoryResponse> UpdateCategory(UpdateCategoryRequest request, ServerCallContext context) =>
        mapper.Map<UpdateCategoryResponse>(await mediator.Send(mapper.Map<UpdateCategoryCommand>(request), context.CancellationToken));

    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context) =>
        mapper.Map<ListAuditEventsResponse>(await mediator.Send(mapper.Map<ListAuditEventsQuery>(request), context.CancellationToken));

    public override async Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context) =>
        mapper.Map<VerifyAuditChainResponse>(await mediator.Send(new VerifyAuditChainQuery(), context.CancellationToken));

    public override async Task<ListDataSubjectRequestsResponse> ListDataSubjectRequests(ListDataSubjectRequestsRequest request, ServerCallContext context) =>
        mapper.Map<ListDataSubjectRequestsResponse>(await mediator.Send(mapper.Map<ListDataSubjectRequestsQuery>(request), context.CancellationToken));

    public override async Task<ExtendDataSubjectRequestResponse> ExtendDataSubjectRequest(ExtendDataSubjectRequestRequest request, ServerCallContext context) =>
        mapper.Map<ExtendDataSubjectRequestResponse>(await mediator.Send(mapper.Map<ExtendDataSubjectRequestCommand>(request), context.CancellationToken));

    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context) =>
        mapper.Map<ListDeadLettersResponse>(await mediator.Send(mapper.Map<ListDeadLettersQuery>(request), context.CancellationToken));

    public override async Task<RetryDeadLetterResponse> RetryDeadLetter(RetryDeadLetterRequest request, ServerCallContext context) =>
        mapper.Map<RetryDeadLetterResponse>(await mediator.Send(mapper.Map<RetryDeadLetterCommand>(request), context.CancellationToken));
    public override async Task<CreateServiceAccountResponse> CreateServiceAccount(CreateServiceAccountRequest request, ServerCallContext context) =>
        mapper.Map<CreateServiceAccountResponse>(await mediator.Send(mapper.Map<CreateServiceAccountCommand>(request), context.CancellationToken));

    public override async Task<RotateServiceAccountSecretResponse> RotateServiceAccountSecret(
        RotateServiceAccountSecretRequest request, ServerCallContext context) =>
        mapper.Map<RotateServiceAccountSecretResponse>(
            await mediator.Send(mapper.Map<RotateServiceAccountSecretCommand>(request), context.CancellationToken));

    public override async Task<SetServiceAccountStatusResponse> SetServiceAccountStatus(SetServiceAccountStatusRequest request, ServerCallContext context) =>
        mapper.Map<SetServiceAccountStatusResponse>(await mediator.Send(mapper.Map<SetServiceAccountStatusCommand>(request), context.CancellationToken));

    public override async Task<CreateCannedResponseResponse> CreateCannedResponse(CreateCannedResponseRequest request, ServerCallContext context) =>
        mapper.Map<CreateCannedResponseResponse>(await mediator.Send(mapper.Map<CreateCannedResponseCommand>(request), context.CancellationToken));

    public override async Task<UpdateCannedResponseResponse> UpdateCannedResponse(UpdateCannedResponseRequest request, ServerCallContext context) =>
        mapper.Map<UpdateCannedResponseResponse>(await mediator.Send(mapper.Map<UpdateCannedResponseCommand>(request), context.CancellationToken));

    public override async Task<SetAccountRolesResponse> SetAccountRoles(SetAccountRolesRequest request, ServerCallContext context) =>
        mapper.Map<SetAccountRolesResponse>(await mediator.Send(mapper.Map<SetAccountRolesCommand>(request), context.CancellationToken));

    public override async Task<SetStaffCategoriesResponse> SetStaffCategories(SetStaffCategoriesRequest request, ServerCallContext context) =>
        mapper.Map<SetStaffCategoriesResponse>(await mediator.Send(mapper.Map<SetStaffCategoriesCommand>(request), context.CancellationToken));

    public override async Task<ListHolidaysResponse> ListHolidays(ListHolidaysRequest request, ServerCallContext context) =>
        mapper.Map<ListHolidaysResponse>(await mediator.Send(mapper.Map<ListHolidaysQuery>(request), context.CancellationToken));

    public override async Task<SetHolidayResponse> SetHoliday(SetHolidayRequest request, ServerCallContext context) =>
        mapper.Map<SetHolidayResponse>(await mediator.Send(mapper.Map<SetHolidayCommand>(request), context.CancellationToken));

    public override async Task<DeleteHolidayResponse> DeleteHoliday(DeleteHolidayRequest request, ServerCallContext context) =>
        mapper.Map<DeleteHolidayResponse>(await mediator.Send(mapper.Map<DeleteHolidayCommand>(request), context.CancellationToken));
}
