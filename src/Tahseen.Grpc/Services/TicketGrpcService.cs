using Grpc.Core;
using MapsterMapper;
using MediatR;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

public sealed class TicketGrpcService(IMediator mediator, IMapper mapper) : TicketService.TicketServiceBase
{
    public override async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context)
    {
        var categories = await mediator.Send(new ListCategoriesQuery(), context.CancellationToken);
        return new ListCategoriesResponse { Categories = { categories.Select(mapper.Map<Category>) } };
    }
}
