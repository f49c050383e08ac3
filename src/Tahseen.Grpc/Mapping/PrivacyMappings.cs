using Mapster;
using Tahseen.Application.Admin;
using Tahseen.Application.Identity;
using Tahseen.Application.Privacy;
using Tahseen.Domain.Privacy;
using Proto = Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

/// <summary>Data-subject rights: the export, erasure and correction requests, and their admin list.</summary>
public sealed class PrivacyMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DataSubjectRequestDto, Proto.DataSubjectRequest>()
            .Map(d => d.Kind, s => ToProto(s.Kind))
            .Map(d => d.Status, s => ToProto(s.Status));
        config.NewConfig<PersonalDataExport, Proto.ExportMyDataResponse>();
        config.NewConfig<Proto.RequestAccountErasureRequest, RequestAccountErasureCommand>();
        config.NewConfig<DataSubjectRequestDto, Proto.RequestAccountErasureResponse>().Map(d => d.ErasureRequest, s => s);
        config.NewConfig<Proto.UpdateMyEmailRequest, UpdateMyEmailCommand>();
        config.NewConfig<AccountDto, Proto.UpdateMyEmailResponse>().Map(d => d.Account, s => s);

        config.NewConfig<Proto.ListDataSubjectRequestsRequest, ListDataSubjectRequestsQuery>()
            .Map(d => d.Status, s => FromProto(s.Status))
            .Map(d => d.Kind, s => FromProto(s.Kind));
        config.NewConfig<DataSubjectRequestPage, Proto.ListDataSubjectRequestsResponse>();
        config.NewConfig<Proto.ExtendDataSubjectRequestRequest, ExtendDataSubjectRequestCommand>();
        config.NewConfig<DataSubjectRequestDto, Proto.ExtendDataSubjectRequestResponse>().Map(d => d.Request, s => s);
    }

    public static Proto.DataSubjectRequestKind ToProto(DataSubjectRequestKind kind) => kind switch
    {
        DataSubjectRequestKind.Access => Proto.DataSubjectRequestKind.Access,
        DataSubjectRequestKind.Correction => Proto.DataSubjectRequestKind.Correction,
        DataSubjectRequestKind.Erasure => Proto.DataSubjectRequestKind.Erasure,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Proto.DataSubjectRequestStatus ToProto(DataSubjectRequestStatus status) => status switch
    {
        DataSubjectRequestStatus.Pending => Proto.DataSubjectRequestStatus.Pending,
        DataSubjectRequestStatus.WaitingForOpenTickets => Proto.DataSubjectRequestStatus.WaitingForOpenTickets,
        DataSubjectRequestStatus.Completed => Proto.DataSubjectRequestStatus.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>UNSPECIFIED is "not given"; a number the contract does not know is left for the validator to refuse.</summary>
    public static DataSubjectRequestKind? FromProto(Proto.DataSubjectRequestKind kind) => kind switch
    {
        Proto.DataSubjectRequestKind.Unspecified => null,
        Proto.DataSubjectRequestKind.Access => DataSubjectRequestKind.Access,
        Proto.DataSubjectRequestKind.Correction => DataSubjectRequestKind.Correction,
        Proto.DataSubjectRequestKind.Erasure => DataSubjectRequestKind.Erasure,
        _ => (DataSubjectRequestKind)(int)kind,
    };

    public static DataSubjectRequestStatus? FromProto(Proto.DataSubjectRequestStatus status) => status switch
    {
        Proto.DataSubjectRequestStatus.Unspecified => null,
        Proto.DataSubjectRequestStatus.Pending => DataSubjectRequestStatus.Pending,
        Proto.DataSubjectRequestStatus.WaitingForOpenTickets => DataSubjectRequestStatus.WaitingForOpenTickets,
        Proto.DataSubjectRequestStatus.Completed => DataSubjectRequestStatus.Completed,
        _ => (DataSubjectRequestStatus)(int)status,
    };
}
