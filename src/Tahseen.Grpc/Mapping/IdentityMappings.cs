using Mapster;
using Tahseen.Application.Identity;
using Tahseen.Application.Registration;
using Tahseen.Contracts.V1;
using DomainRule = Tahseen.Domain.Identity.PasswordRule;

namespace Tahseen.Grpc.Mapping;

public sealed class IdentityMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TermsClauseDto, TermsClause>();
        config.NewConfig<TermsDto, GetTermsResponse>();
        config.NewConfig<DomainRule, PasswordRule>();
        config.NewConfig<PasswordPolicyDto, GetPasswordPolicyResponse>();
        config.NewConfig<CaptchaDto, CreateCaptchaResponse>();

        config.NewConfig<AccountDto, Account>()
            .Map(d => d.Roles, s => EnumMappings.ToProto(s.Roles))
            .Map(d => d.Status, s => EnumMappings.ToProto(s.Status))
            .Map(d => d.PersonKind, s => EnumMappings.ToProto(s.PersonKind))
            .Map(d => d.PreferredLanguage, s => EnumMappings.ToProto(s.PreferredLanguage))
            .Map(d => d.CategoryIds, s => s.CategoryIds.Select(id => id.ToString()));
        config.NewConfig<UpdateMyLanguageRequest, UpdateMyLanguageCommand>()
            .MapWith(s => new UpdateMyLanguageCommand(EnumMappings.FromProto(s.PreferredLanguage)));
        config.NewConfig<MyAccountDto, GetMyAccountResponse>()
            .IgnoreIf((s, _) => s.Restriction == null, d => d.Restriction);
        config.NewConfig<AccountDto, UpdateMyLanguageResponse>().Map(d => d.Account, s => s);

        config.NewConfig<OtpSentDto, StartRegistrationResponse>().Map(d => d.RegistrationId, s => s.ChallengeId);
        config.NewConfig<OtpSentDto, ResendRegistrationOtpResponse>();
        config.NewConfig<OtpSentDto, LoginResponse>();
        config.NewConfig<OtpSentDto, StartPasswordResetResponse>().Map(d => d.ResetId, s => s.ChallengeId);
        config.NewConfig<SessionDto, VerifyLoginResponse>();
        config.NewConfig<SessionDto, RefreshTokenResponse>();

        config.NewConfig<StartRegistrationRequest, StartRegistrationCommand>();
        config.NewConfig<ResendRegistrationOtpRequest, ResendRegistrationOtpCommand>();
        config.NewConfig<CompleteRegistrationRequest, CompleteRegistrationCommand>();
        config.NewConfig<LoginRequest, LoginCommand>();
        config.NewConfig<VerifyLoginRequest, VerifyLoginCommand>();
        config.NewConfig<RefreshTokenRequest, RefreshSessionCommand>();
        config.NewConfig<LogoutRequest, LogoutCommand>();
        config.NewConfig<ChangePasswordRequest, ChangePasswordCommand>();
        config.NewConfig<StartPasswordResetRequest, StartPasswordResetCommand>();
        config.NewConfig<CompletePasswordResetRequest, CompletePasswordResetCommand>();
        config.NewConfig<CreateServiceTokenRequest, CreateServiceTokenCommand>();
        config.NewConfig<ServiceTokenDto, CreateServiceTokenResponse>();
    }
}
