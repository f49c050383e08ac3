using Mapster;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

public sealed class TicketMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<CategoryDto, Category>();
    }
}
