using Grpc.Core;
using MapsterMapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Integration;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Mapping;

namespace Tahseen.Grpc.Services;

/// <summary>Internal systems: service accounts only; each use case declares the scope it needs.</summary>
[Authorize(Roles = RoleNames.Integration)]
public sealed class IntegrationGrpcService(IMediator mediator, IMapper mapper) : IntegrationService.IntegrationServiceBase
{
    public override async Task StreamTicketEvents(
        StreamTicketEventsRequest request, IServerStreamWriter<StreamTicketEventsResponse> responseStream, ServerCallContext context)
    {
        var query = new StreamTicketEventsQuery(request.AfterCursor, request.EventTypes.Select(EnumMappings.FromProto).ToList());
        var events = await mediator.Send(query, context.CancellationToken);
        await foreach (var ticketEvent in events.WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(mapper.Map<StreamTicketEventsResponse>(ticketEvent), context.CancellationToken);
        }
    }

    public override async Task<GetTicketByReferenceResponse> GetTicketByReference(GetTicketByReferenceRequest request, ServerCallContext context) =>
        mapper.Map<GetTicketByReferenceResponse>(await mediator.Send(mapper.Map<GetTicketByReferenceQuery>(request), context.CancellationToken));
}
