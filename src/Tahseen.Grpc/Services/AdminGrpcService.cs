using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Services;

public sealed class AdminGrpcService : AdminService.AdminServiceBase;
