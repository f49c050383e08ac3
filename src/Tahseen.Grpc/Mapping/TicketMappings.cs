using Google.Protobuf.WellKnownTypes;
using Mapster;
using Tahseen.Application.Staff;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using ActorRole = Tahseen.Domain.Tickets.ActorRole;
using ProtoTicketStatus = Tahseen.Contracts.V1.TicketStatus;
using ProtoTicketType = Tahseen.Contracts.V1.TicketType;
using TicketAction = Tahseen.Domain.Tickets.TicketAction;
using TicketStatus = Tahseen.Domain.Tickets.TicketStatus;
using TicketType = Tahseen.Domain.Tickets.TicketType;

namespace Tahseen.Grpc.Mapping;

/// <summary>TicketService and StaffTicketService: requests to use cases, tickets and statistics back.</summary>
public sealed class TicketMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        RegisterEnums(config);
        RegisterTicket(config);

        config.NewConfig<SubmitTicketRequest, SubmitTicketCommand>();
        config.NewConfig<GetTicketRequest, GetTicketQuery>();
        config.NewConfig<ListMyTicketsRequest, ListMyTicketsQuery>();
        config.NewConfig<AddTicketMessageRequest, AddTicketMessageCommand>();
        config.NewConfig<WithdrawTicketRequest, WithdrawTicketCommand>();
        config.NewConfig<RateTicketRequest, RateTicketCommand>();
        config.NewConfig<WatchTicketRequest, WatchTicketQuery>();

        config.NewConfig<TicketDto, SubmitTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, GetTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, AddTicketMessageResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, WithdrawTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, RateTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketPage, ListMyTicketsResponse>();
        config.NewConfig<TicketEvent, WatchTicketResponse>().Map(d => d.EventType, s => s.Kind);

        config.NewConfig<ListTicketsRequest, ListTicketsQuery>();
        config.NewConfig<StaffTicketServiceGetTicketRequest, GetStaffTicketQuery>();
        config.NewConfig<AssignTicketRequest, AssignTicketCommand>();
        config.NewConfig<ReplyToTicketRequest, ReplyToTicketCommand>();
        config.NewConfig<RequestInformationRequest, RequestInformationCommand>();
        config.NewConfig<AddInternalNoteRequest, AddInternalNoteCommand>();
        config.NewConfig<ResolveTicketRequest, ResolveTicketCommand>();
        config.NewConfig<RejectTicketRequest, RejectTicketCommand>();
        config.NewConfig<CloseTicketRequest, CloseTicketCommand>();
        config.NewConfig<GetTicketStatisticsRequest, GetTicketStatisticsQuery>();

        config.NewConfig<TicketPage, ListTicketsResponse>();
        config.NewConfig<StaffTicketDto, StaffTicketServiceGetTicketResponse>();
        config.NewConfig<StaffTicketDto, AssignTicketResponse>();
        config.NewConfig<StaffTicketDto, ReplyToTicketResponse>();
        config.NewConfig<StaffTicketDto, RequestInformationResponse>();
        config.NewConfig<StaffTicketDto, AddInternalNoteResponse>();
        config.NewConfig<StaffTicketDto, ResolveTicketResponse>();
        config.NewConfig<StaffTicketDto, RejectTicketResponse>();
        config.NewConfig<StaffTicketDto, CloseTicketResponse>();

        config.NewConfig<TypeCountDto, TypeCount>();
        config.NewConfig<StatusCountDto, StatusCount>();
        config.NewConfig<CategoryCountDto, CategoryCount>();
        // Optional proto fields have presence: set them only when there is a value, so that an empty
        // range reads as "unset" rather than as 0.
        config.NewConfig<TicketStatisticsDto, GetTicketStatisticsResponse>()
            .Map(d => d.ResolvedWithinDueRatio, s => s.ResolvedWithinDueRatio!.Value, s => s.ResolvedWithinDueRatio.HasValue)
            .Map(d => d.AverageRating, s => s.AverageRating!.Value, s => s.AverageRating.HasValue);
    }

    private static void RegisterTicket(TypeAdapterConfig config)
    {
        config.NewConfig<CategoryDto, Category>();
        config.NewConfig<TicketMessageDto, TicketMessage>();
        config.NewConfig<TicketRatingDto, Rating>();
        config.NewConfig<TicketDto, Ticket>();
        config.NewConfig<InternalNoteDto, InternalNote>();
        config.NewConfig<TicketHistoryEntryDto, TicketHistoryEntry>();
    }

    private static void RegisterEnums(TypeAdapterConfig config)
    {
        config.NewConfig<TicketType, ProtoTicketType>().MapWith(value => ToProto(value));
        config.NewConfig<ProtoTicketType, TicketType?>().MapWith(value => ToDomain(value));
        config.NewConfig<TicketStatus, ProtoTicketStatus>().MapWith(value => ToProto(value));
        config.NewConfig<TicketStatus?, ProtoTicketStatus>().MapWith(value => value.HasValue ? ToProto(value.Value) : ProtoTicketStatus.Unspecified);
        config.NewConfig<ProtoTicketStatus, TicketStatus?>().MapWith(value => ToDomain(value));
        config.NewConfig<ActorRole, Role>().MapWith(value => ToProto(value));
        config.NewConfig<TicketAction, string>().MapWith(value => ActionCode(value));
        config.NewConfig<TicketEventKind, TicketEventType>().MapWith(value => ToProto(value));
        config.NewConfig<Timestamp?, DateTimeOffset?>().MapWith(value => value == null ? null : value.ToDateTimeOffset());
    }

    private static ProtoTicketType ToProto(TicketType type) => type switch
    {
        TicketType.Complaint => ProtoTicketType.Complaint,
        TicketType.Suggestion => ProtoTicketType.Suggestion,
        TicketType.Inquiry => ProtoTicketType.Inquiry,
        _ => ProtoTicketType.Unspecified,
    };

    /// <summary>UNSPECIFIED is "not given"; a number the contract does not know passes through for the validator to refuse.</summary>
    private static TicketType? ToDomain(ProtoTicketType type) => type switch
    {
        ProtoTicketType.Unspecified => null,
        ProtoTicketType.Complaint => TicketType.Complaint,
        ProtoTicketType.Suggestion => TicketType.Suggestion,
        ProtoTicketType.Inquiry => TicketType.Inquiry,
        _ => (TicketType)(int)type,
    };

    private static ProtoTicketStatus ToProto(TicketStatus status) => status switch
    {
        TicketStatus.Submitted => ProtoTicketStatus.Submitted,
        TicketStatus.InProgress => ProtoTicketStatus.InProgress,
        TicketStatus.WaitingForCitizen => ProtoTicketStatus.WaitingForCitizen,
        TicketStatus.Resolved => ProtoTicketStatus.Resolved,
        TicketStatus.Closed => ProtoTicketStatus.Closed,
        TicketStatus.Withdrawn => ProtoTicketStatus.Withdrawn,
        TicketStatus.Rejected => ProtoTicketStatus.Rejected,
        _ => ProtoTicketStatus.Unspecified,
    };

    private static TicketStatus? ToDomain(ProtoTicketStatus status) => status switch
    {
        ProtoTicketStatus.Unspecified => null,
        ProtoTicketStatus.Submitted => TicketStatus.Submitted,
        ProtoTicketStatus.InProgress => TicketStatus.InProgress,
        ProtoTicketStatus.WaitingForCitizen => TicketStatus.WaitingForCitizen,
        ProtoTicketStatus.Resolved => TicketStatus.Resolved,
        ProtoTicketStatus.Closed => TicketStatus.Closed,
        ProtoTicketStatus.Withdrawn => TicketStatus.Withdrawn,
        ProtoTicketStatus.Rejected => TicketStatus.Rejected,
        _ => (TicketStatus)(int)status,
    };

    /// <summary>The service acting on its own (an automatic close) has no role to show.</summary>
    private static Role ToProto(ActorRole role) => role switch
    {
        ActorRole.Citizen => Role.Citizen,
        ActorRole.Staff => Role.Staff,
        ActorRole.Admin => Role.Admin,
        _ => Role.Unspecified,
    };

    private static TicketEventType ToProto(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Snapshot => TicketEventType.Snapshot,
        TicketEventKind.StatusChanged => TicketEventType.StatusChanged,
        TicketEventKind.MessageAdded => TicketEventType.MessageAdded,
        TicketEventKind.Assigned => TicketEventType.Assigned,
        _ => TicketEventType.Unspecified,
    };

    /// <summary>History actions as the contract's stable codes; spelled out so that renaming the enum cannot change them.</summary>
    private static string ActionCode(TicketAction action) => action switch
    {
        TicketAction.Submitted => "SUBMITTED",
        TicketAction.Assigned => "ASSIGNED",
        TicketAction.Replied => "REPLIED",
        TicketAction.InformationRequested => "INFORMATION_REQUESTED",
        TicketAction.CitizenReplied => "CITIZEN_REPLIED",
        TicketAction.NoteAdded => "NOTE_ADDED",
        TicketAction.Resolved => "RESOLVED",
        TicketAction.Reopened => "REOPENED",
        TicketAction.Rejected => "REJECTED",
        TicketAction.Withdrawn => "WITHDRAWN",
        TicketAction.Rated => "RATED",
        TicketAction.Closed => "CLOSED",
        TicketAction.AutoClosed => "AUTO_CLOSED",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown ticket action."),
    };
}
