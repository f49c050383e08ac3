using Grpc.Core;
using MapsterMapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Integration;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Hosting;
using Tahseen.Grpc.Mapping;

namespace Tahseen.Grpc.Services;

/// <summary>Internal systems: service accounts only; each use case declares the scope it needs.</summary>
[Authorize(Roles = RoleNames.Integration)]
public sealed class IntegrationGrpcService(IMediator mediator, IMapper mapper, SessionStreams streams) : IntegrationService.IntegrationServiceBase
{
    /// <summary>
    /// Ends with UNAUTHENTICATED when the token expires or the account's secret is rotated or it is disabled
    /// (see <see cref="SessionStreams"/>); the consumer gets a new token and resumes from its last cursor.
    /// </summary>
    public override Task StreamTicketEvents(
        StreamTicketEventsRequest request, IServerStreamWriter<StreamTicketEventsResponse> responseStream, ServerCallContext context) =>
        streams.RunAsync(context, async cancellationToken =>
        {
            var query = new StreamTicketEventsQuery(request.AfterCursor, request.EventTypes.Select(EnumMappings.FromProto).ToList());
            var events = await mediator.Send(query, cancellationToken);
            await foreach (var ticketEvent in events.WithCancellation(cancellationToken))
            {
                await responseStream.WriteAsync(mapper.Map<StreamTicketEventsResponse>(ticketEvent), cancellationToken);
            }
        });

    public override async Task<GetTicketByReferenceResponse> GetTicketByReference(GetTicketByReferenceRequest request, ServerCallContext context) =>
        mapper.Map<GetTicketByReferenceResponse>(await mediator.Send(mapper.Map<GetTicketByReferenceQuery>(request), context.CancellationToken));
}
