using Grpc.Core;
using MapsterMapper;
using MediatR;
using Tahseen.Application.Identity;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

public sealed class IdentityGrpcService(IMediator mediator, IMapper mapper) : IdentityService.IdentityServiceBase
{
    public override async Task<GetTermsResponse> GetTerms(GetTermsRequest request, ServerCallContext context) =>
        mapper.Map<GetTermsResponse>(await mediator.Send(new GetTermsQuery(), context.CancellationToken));
}
