using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

public sealed class StaffTicketGrpcService : StaffTicketService.StaffTicketServiceBase;
