using Mapster;
using Tahseen.Application.CannedResponses;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

/// <summary>Canned responses: kept by admins (AdminService), listed for staff (StaffTicketService).</summary>
public sealed class CannedResponseMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<CannedResponseDto, CannedResponse>()
            .Map(d => d.Type, s => EnumMappings.ToProto(s.Type));
        config.NewConfig<CreateCannedResponseRequest, CreateCannedResponseCommand>()
            .MapWith(s => new CreateCannedResponseCommand(
                s.CategoryId, EnumMappings.FromProto(s.Type), s.TitleAr, s.TitleEn, s.BodyAr, s.BodyEn, s.Active, s.RequestId));
        config.NewConfig<UpdateCannedResponseRequest, UpdateCannedResponseCommand>()
            .MapWith(s => new UpdateCannedResponseCommand(
                s.CannedResponseId, s.CategoryId, EnumMappings.FromProto(s.Type), s.TitleAr, s.TitleEn, s.BodyAr, s.BodyEn, s.Active, s.RequestId));
        config.NewConfig<ListCannedResponsesRequest, ListCannedResponsesQuery>()
            .MapWith(s => new ListCannedResponsesQuery(s.CategoryId, EnumMappings.FromProto(s.Type), s.IncludeInactive));
        config.NewConfig<CannedResponseDto, CreateCannedResponseResponse>().Map(d => d.CannedResponse, s => s);
        config.NewConfig<CannedResponseDto, UpdateCannedResponseResponse>().Map(d => d.CannedResponse, s => s);
        config.NewConfig<CannedResponseList, ListCannedResponsesResponse>();
    }
}
