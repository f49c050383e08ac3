using Grpc.Core;
using MapsterMapper;
using MediatR;
using Tahseen.Application.CannedResponses;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Staff;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

[Authorize(Roles = RoleNames.StaffOrAdmin)]
public sealed class StaffTicketGrpcService(IMediator mediator, IMapper mapper) : StaffTicketService.StaffTicketServiceBase
{
    public override async Task<ListTicketsResponse> ListTickets(ListTicketsRequest request, ServerCallContext context) =>
        mapper.Map<ListTicketsResponse>(await mediator.Send(mapper.Map<ListTicketsQuery>(request), context.CancellationToken));

    public override async Task<StaffTicketServiceGetTicketResponse> GetTicket(StaffTicketServiceGetTicketRequest request, ServerCallContext context) =>
        mapper.Map<StaffTicketServiceGetTicketResponse>(await mediator.Send(mapper.Map<GetStaffTicketQuery>(request), context.CancellationToken));

    public override async Task<RevealSubmitterResponse> RevealSubmitter(RevealSubmitterRequest request, ServerCallContext context) =>
        mapper.Map<RevealSubmitterResponse>(await mediator.Send(mapper.Map<RevealSubmitterCommand>(request), context.CancellationToken));

    public override async Task<AssignTicketResponse> AssignTicket(AssignTicketRequest request, ServerCallContext context) =>
        mapper.Map<AssignTicketResponse>(await mediator.Send(mapper.Map<AssignTicketCommand>(request), context.CancellationToken));

    public override async Task<ReplyToTicketResponse> ReplyToTicket(ReplyToTicketRequest request, ServerCallContext context) =>
        mapper.Map<ReplyToTicketResponse>(await mediator.Send(mapper.Map<ReplyToTicketCommand>(request), context.CancellationToken));

    public override async Task<RequestInformationResponse> RequestInformation(RequestInformationRequest request, ServerCallContext context) =>
        mapper.Map<RequestInformationResponse>(await mediator.Send(mapper.Map<RequestInformationCommand>(request), context.CancellationToken));

    public override async Task<AwaitExternalPartyResponse> AwaitExternalParty(AwaitExternalPartyRequest request, ServerCallContext context) =>
        mapper.Map<AwaitExternalPartyResponse>(await mediator.Send(mapper.Map<AwaitExternalPartyCommand>(request), context.CancellationToken));

    public override async Task<AddInternalNoteResponse> AddInternalNote(AddInternalNoteRequest request, ServerCallContext context) =>
        mapper.Map<AddInternalNoteResponse>(await mediator.Send(mapper.Map<AddInternalNoteCommand>(request), context.CancellationToken));

    public override async Task<ResolveTicketResponse> ResolveTicket(ResolveTicketRequest request, ServerCallContext context) =>
        mapper.Map<ResolveTicketResponse>(await mediator.Send(mapper.Map<ResolveTicketCommand>(request), context.CancellationToken));

    public override async Task<RejectTicketResponse> RejectTicket(RejectTicketRequest request, ServerCallContext context) =>
        mapper.Map<RejectTicketResponse>(await mediator.Send(mapper.Map<RejectTicketCommand>(request), context.CancellationToken));

    public override async Task<CloseTicketResponse> CloseTicket(CloseTicketRequest request, ServerCallContext context) =>
        mapper.Map<CloseTicketResponse>(await mediator.Send(mapper.Map<CloseTicketCommand>(request), context.CancellationToken));

    public override async Task<MergeTicketResponse> MergeTicket(MergeTicketRequest request, ServerCallContext context) =>
        mapper.Map<MergeTicketResponse>(await mediator.Send(mapper.Map<MergeTicketCommand>(request), context.CancellationToken));

    public override async Task<DecideAppealResponse> DecideAppeal(DecideAppealRequest request, ServerCallContext context) =>
        mapper.Map<DecideAppealResponse>(await mediator.Send(mapper.Map<DecideAppealCommand>(request), context.CancellationToken));

    public override async Task<RestrictRequesterResponse> RestrictRequester(RestrictRequesterRequest request, ServerCallContext context) =>
        mapper.Map<RestrictRequesterResponse>(await mediator.Send(mapper.Map<RestrictRequesterCommand>(request), context.CancellationToken));

    public override async Task<GetTicketStatisticsResponse> GetTicketStatistics(GetTicketStatisticsRequest request, ServerCallContext context) =>
        mapper.Map<GetTicketStatisticsResponse>(await mediator.Send(mapper.Map<GetTicketStatisticsQuery>(request), context.CancellationToken));

    public override async Task<ListCannedResponsesResponse> ListCannedResponses(ListCannedResponsesRequest request, ServerCallContext context) =>
        mapper.Map<ListCannedResponsesResponse>(await mediator.Send(mapper.Map<ListCannedResponsesQuery>(request), context.CancellationToken));
}
