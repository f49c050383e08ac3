using Mapster;
using Tahseen.Application.Sandbox;
using Tahseen.Contracts.Sandbox.V1;
using AppSandbox = Tahseen.Application.Common.Interfaces;

namespace Tahseen.Grpc.Mapping;

public sealed class SandboxMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<AppSandbox.SandboxIdentity, SandboxIdentity>()
            .Map(d => d.NationalId, s => s.Record.NationalId)
            .Map(d => d.MobileNumber, s => s.Record.MobileNumber)
            .Map(d => d.FullName, s => s.Record.FullNameAr)
            .Map(d => d.FullNameAr, s => s.Record.FullNameAr)
            .Map(d => d.FullNameEn, s => s.Record.FullNameEn)
            .Map(d => d.PersonKind, s => EnumMappings.ToProto(s.Record.Kind))
            .Map(d => d.Status, s => EnumMappings.ToProto(s.Record.Status))
            .Map(d => d.Eligible, s => s.Record.IsEligible)
            .Map(d => d.Registered, s => s.Registered);
        config.NewConfig<AppSandbox.SandboxAccount, SandboxAccount>()
            .Map(d => d.Roles, s => s.Roles.Select(EnumMappings.RoleFromName));
        config.NewConfig<AppSandbox.SandboxSms, SmsMessage>();
        config.NewConfig<ListSmsMessagesRequest, ListSmsMessagesQuery>();
        config.NewConfig<GetCaptchaAnswerRequest, GetCaptchaAnswerQuery>();
    }
}
