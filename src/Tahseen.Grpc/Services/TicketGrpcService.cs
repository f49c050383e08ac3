using Grpc.Core;
using MapsterMapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Hosting;

namespace Tahseen.Grpc.Services;

/// <summary>Any signed-in account; every ticket method acts on the caller's own tickets only.</summary>
[Authorize]
public sealed class TicketGrpcService(IMediator mediator, IMapper mapper, SessionStreams streams) : TicketService.TicketServiceBase
{
    /// <summary>Reference data, like the terms: open to anyone.</summary>
    [AllowAnonymous]
    public override async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context)
    {
        var categories = await mediator.Send(new ListCategoriesQuery(), context.CancellationToken);
        return new ListCategoriesResponse { Categories = { categories.Select(mapper.Map<Category>) } };
    }

    public override async Task<SubmitTicketResponse> SubmitTicket(SubmitTicketRequest request, ServerCallContext context) =>
        mapper.Map<SubmitTicketResponse>(await mediator.Send(mapper.Map<SubmitTicketCommand>(request), context.CancellationToken));

    public override async Task<GetTicketResponse> GetTicket(GetTicketRequest request, ServerCallContext context) =>
        mapper.Map<GetTicketResponse>(await mediator.Send(mapper.Map<GetTicketQuery>(request), context.CancellationToken));

    public override async Task<ListMyTicketsResponse> ListMyTickets(ListMyTicketsRequest request, ServerCallContext context) =>
        mapper.Map<ListMyTicketsResponse>(await mediator.Send(mapper.Map<ListMyTicketsQuery>(request), context.CancellationToken));

    public override async Task<AddTicketMessageResponse> AddTicketMessage(AddTicketMessageRequest request, ServerCallContext context) =>
        mapper.Map<AddTicketMessageResponse>(await mediator.Send(mapper.Map<AddTicketMessageCommand>(request), context.CancellationToken));

    public override async Task<AppealTicketResponse> AppealTicket(AppealTicketRequest request, ServerCallContext context) =>
        mapper.Map<AppealTicketResponse>(await mediator.Send(mapper.Map<AppealTicketCommand>(request), context.CancellationToken));

    public override async Task<WithdrawTicketResponse> WithdrawTicket(WithdrawTicketRequest request, ServerCallContext context) =>
        mapper.Map<WithdrawTicketResponse>(await mediator.Send(mapper.Map<WithdrawTicketCommand>(request), context.CancellationToken));

    public override async Task<RateTicketResponse> RateTicket(RateTicketRequest request, ServerCallContext context) =>
        mapper.Map<RateTicketResponse>(await mediator.Send(mapper.Map<RateTicketCommand>(request), context.CancellationToken));

    /// <summary>Ends with UNAUTHENTICATED when the session ends or the token expires (see <see cref="SessionStreams"/>).</summary>
    public override Task WatchTicket(
        WatchTicketRequest request, IServerStreamWriter<WatchTicketResponse> responseStream, ServerCallContext context) =>
        streams.RunAsync(context, async cancellationToken =>
        {
            var events = await mediator.Send(mapper.Map<WatchTicketQuery>(request), cancellationToken);
            await foreach (var ticketEvent in events.WithCancellation(cancellationToken))
            {
                await responseStream.WriteAsync(mapper.Map<WatchTicketResponse>(ticketEvent), cancellationToken);
            }
        });
}
