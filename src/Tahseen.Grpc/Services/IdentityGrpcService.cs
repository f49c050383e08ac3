using Grpc.Core;
using MapsterMapper;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Tahseen.Application.Identity;
using Tahseen.Application.Privacy;
using Tahseen.Application.Registration;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Hosting;

namespace Tahseen.Grpc.Services;

public sealed class IdentityGrpcService(IMediator mediator, IMapper mapper, ServiceTokenThrottle serviceTokens) : IdentityService.IdentityServiceBase
{
    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<CreateServiceTokenResponse> CreateServiceToken(CreateServiceTokenRequest request, ServerCallContext context)
    {
        serviceTokens.Count(request.ClientId);
        return mapper.Map<CreateServiceTokenResponse>(await mediator.Send(mapper.Map<CreateServiceTokenCommand>(request), context.CancellationToken));
    }

    public override async Task<GetPasswordPolicyResponse> GetPasswordPolicy(GetPasswordPolicyRequest request, ServerCallContext context) =>
        mapper.Map<GetPasswordPolicyResponse>(await mediator.Send(new GetPasswordPolicyQuery(), context.CancellationToken));

    public override async Task<GetTermsResponse> GetTerms(GetTermsRequest request, ServerCallContext context) =>
        mapper.Map<GetTermsResponse>(await mediator.Send(new GetTermsQuery(), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<CreateCaptchaResponse> CreateCaptcha(CreateCaptchaRequest request, ServerCallContext context) =>
        mapper.Map<CreateCaptchaResponse>(await mediator.Send(new CreateCaptchaCommand(), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<StartRegistrationResponse> StartRegistration(StartRegistrationRequest request, ServerCallContext context) =>
        mapper.Map<StartRegistrationResponse>(await mediator.Send(mapper.Map<StartRegistrationCommand>(request), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<ResendRegistrationOtpResponse> ResendRegistrationOtp(ResendRegistrationOtpRequest request, ServerCallContext context) =>
        mapper.Map<ResendRegistrationOtpResponse>(await mediator.Send(mapper.Map<ResendRegistrationOtpCommand>(request), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<CompleteRegistrationResponse> CompleteRegistration(CompleteRegistrationRequest request, ServerCallContext context) =>
        new() { Account = mapper.Map<Account>(await mediator.Send(mapper.Map<CompleteRegistrationCommand>(request), context.CancellationToken)) };

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context) =>
        mapper.Map<LoginResponse>(await mediator.Send(mapper.Map<LoginCommand>(request), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<VerifyLoginResponse> VerifyLogin(VerifyLoginRequest request, ServerCallContext context) =>
        mapper.Map<VerifyLoginResponse>(await mediator.Send(mapper.Map<VerifyLoginCommand>(request), context.CancellationToken));

    public override async Task<RefreshTokenResponse> RefreshToken(RefreshTokenRequest request, ServerCallContext context) =>
        mapper.Map<RefreshTokenResponse>(await mediator.Send(mapper.Map<RefreshSessionCommand>(request), context.CancellationToken));

    [Authorize]
    public override async Task<LogoutResponse> Logout(LogoutRequest request, ServerCallContext context)
    {
        await mediator.Send(mapper.Map<LogoutCommand>(request), context.CancellationToken);
        return new LogoutResponse();
    }

    [Authorize]
    public override async Task<GetMyAccountResponse> GetMyAccount(GetMyAccountRequest request, ServerCallContext context) =>
        mapper.Map<GetMyAccountResponse>(await mediator.Send(new GetMyAccountQuery(), context.CancellationToken));

    [Authorize]
    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context)
    {
        await mediator.Send(mapper.Map<ChangePasswordCommand>(request), context.CancellationToken);
        return new ChangePasswordResponse();
    }

    [Authorize]
    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<ExportMyDataResponse> ExportMyData(ExportMyDataRequest request, ServerCallContext context) =>
        mapper.Map<ExportMyDataResponse>(await mediator.Send(new ExportMyDataCommand(), context.CancellationToken));

    [Authorize]
    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<RequestAccountErasureResponse> RequestAccountErasure(RequestAccountErasureRequest request, ServerCallContext context) =>
        mapper.Map<RequestAccountErasureResponse>(await mediator.Send(mapper.Map<RequestAccountErasureCommand>(request), context.CancellationToken));

    [Authorize]
    public override async Task<UpdateMyEmailResponse> UpdateMyEmail(UpdateMyEmailRequest request, ServerCallContext context) =>
        mapper.Map<UpdateMyEmailResponse>(await mediator.Send(mapper.Map<UpdateMyEmailCommand>(request), context.CancellationToken));

    public override async Task<UpdateMyLanguageResponse> UpdateMyLanguage(UpdateMyLanguageRequest request, ServerCallContext context) =>
        mapper.Map<UpdateMyLanguageResponse>(await mediator.Send(mapper.Map<UpdateMyLanguageCommand>(request), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<StartPasswordResetResponse> StartPasswordReset(StartPasswordResetRequest request, ServerCallContext context) =>
        mapper.Map<StartPasswordResetResponse>(await mediator.Send(mapper.Map<StartPasswordResetCommand>(request), context.CancellationToken));

    [RateLimitCost(RateLimitCostAttribute.Expensive)]
    public override async Task<CompletePasswordResetResponse> CompletePasswordReset(CompletePasswordResetRequest request, ServerCallContext context)
    {
        await mediator.Send(mapper.Map<CompletePasswordResetCommand>(request), context.CancellationToken);
        return new CompletePasswordResetResponse();
    }
}
