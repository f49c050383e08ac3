using Grpc.Core;
using MapsterMapper;
using MediatR;
using Tahseen.Application.Sandbox;
using Tahseen.Contracts.Sandbox.V1;

namespace Tahseen.Grpc.Services;

/// <summary>Mapped only when sandbox mode is on (Development); see GrpcEdge.</summary>
public sealed class SandboxGrpcService(IMediator mediator, IMapper mapper) : SandboxService.SandboxServiceBase
{
    public override async Task<ListSandboxIdentitiesResponse> ListSandboxIdentities(ListSandboxIdentitiesRequest request, ServerCallContext context)
    {
        var identities = await mediator.Send(new ListSandboxIdentitiesQuery(), context.CancellationToken);
        return new ListSandboxIdentitiesResponse { Identities = { identities.Select(mapper.Map<SandboxIdentity>) } };
    }

    public override async Task<ListSandboxAccountsResponse> ListSandboxAccounts(ListSandboxAccountsRequest request, ServerCallContext context)
    {
        var accounts = await mediator.Send(new ListSandboxAccountsQuery(), context.CancellationToken);
        return new ListSandboxAccountsResponse { Accounts = { accounts.Select(mapper.Map<SandboxAccount>) } };
    }

    public override async Task<ListSmsMessagesResponse> ListSmsMessages(ListSmsMessagesRequest request, ServerCallContext context)
    {
        var messages = await mediator.Send(mapper.Map<ListSmsMessagesQuery>(request), context.CancellationToken);
        return new ListSmsMessagesResponse { Messages = { messages.Select(mapper.Map<SmsMessage>) } };
    }

    public override async Task<GetCaptchaAnswerResponse> GetCaptchaAnswer(GetCaptchaAnswerRequest request, ServerCallContext context) =>
        new() { Answer = await mediator.Send(mapper.Map<GetCaptchaAnswerQuery>(request), context.CancellationToken) };
}
