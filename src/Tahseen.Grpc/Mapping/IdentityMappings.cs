using Mapster;
using Tahseen.Application.Identity;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

public sealed class IdentityMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TermsClauseDto, TermsClause>();
        config.NewConfig<TermsDto, GetTermsResponse>();
    }
}
