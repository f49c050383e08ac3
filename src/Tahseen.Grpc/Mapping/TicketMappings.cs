using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Mapster;
using Tahseen.Application.Integration;
using Tahseen.Application.Staff;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.V1;
using Tahseen.Domain.Common;
using ActorRole = Tahseen.Domain.Tickets.ActorRole;
using ClosureReason = Tahseen.Domain.Tickets.ClosureReason;
using ProtoClosureReason = Tahseen.Contracts.V1.ClosureReason;
using AccountRestriction = Tahseen.Contracts.V1.AccountRestriction;
using ProtoTicketOutcome = Tahseen.Contracts.V1.TicketOutcome;
using ProtoTicketStatus = Tahseen.Contracts.V1.TicketStatus;
using ProtoTicketType = Tahseen.Contracts.V1.TicketType;
using TicketAction = Tahseen.Domain.Tickets.TicketAction;
using TicketOutcome = Tahseen.Domain.Tickets.TicketOutcome;
using TicketStatus = Tahseen.Domain.Tickets.TicketStatus;
using TicketType = Tahseen.Domain.Tickets.TicketType;

namespace Tahseen.Grpc.Mapping;

/// <summary>TicketService and StaffTicketService: requests to use cases, tickets and statistics back.</summary>
public sealed class TicketMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // The ticket enums appear in many messages, so they convert wherever they meet.
        config.NewConfig<TicketType, ProtoTicketType>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<ProtoTicketType, TicketType?>().MapWith(value => EnumMappings.FromProto(value));
        config.NewConfig<TicketStatus, ProtoTicketStatus>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<TicketStatus?, ProtoTicketStatus>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<ProtoTicketStatus, TicketStatus?>().MapWith(value => EnumMappings.FromProto(value));
        config.NewConfig<TicketOutcome?, ProtoTicketOutcome>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<ProtoTicketOutcome, TicketOutcome?>().MapWith(value => EnumMappings.FromProto(value));
        config.NewConfig<ClosureReason?, ProtoClosureReason>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<ClosureReason, ProtoClosureReason>().MapWith(value => EnumMappings.ToProto((ClosureReason?)value));
        config.NewConfig<ActorRole, Role>().MapWith(value => EnumMappings.ToProto(value));
        config.NewConfig<TicketAction, string>().MapWith(value => EnumMappings.ToCode(value));
        config.NewConfig<Timestamp?, DateTimeOffset?>().MapWith(value => CommonMappings.ToInstant(value, "time"));

        config.NewConfig<CategoryDto, Category>();
        config.NewConfig<TicketMessageDto, TicketMessage>();
        config.NewConfig<TicketRatingDto, Rating>();
        config.NewConfig<TicketAppealDto, TicketAppeal>()
            .Map(d => d.Decision, s => EnumMappings.ToProto(s.Decision));
        config.NewConfig<TicketDto, Ticket>()
            .Map(d => d.CreateDateHijri, s => HijriDate.Format(s.CreateTime))
            .Map(d => d.DueDateHijri, s => HijriDate.Format(s.DueTime))
            .Map(d => d.FollowUpDate, s => s.FollowUpDate == null ? string.Empty : s.FollowUpDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Map(d => d.SlaState, s => SlaReadScope.StateOf(s))
            .Map(d => d.PausedDuration, s => SlaReadScope.PausedDurationOf(s))
            .IgnoreIf((s, _) => s.Appeal == null, d => d.Appeal);
        config.NewConfig<InternalNoteDto, InternalNote>();
        config.NewConfig<TicketHistoryEntryDto, TicketHistoryEntry>();

        config.NewConfig<SubmitTicketRequest, SubmitTicketCommand>();
        config.NewConfig<GetTicketRequest, GetTicketQuery>();
        config.NewConfig<ListMyTicketsRequest, ListMyTicketsQuery>();
        config.NewConfig<AddTicketMessageRequest, AddTicketMessageCommand>();
        config.NewConfig<WithdrawTicketRequest, WithdrawTicketCommand>();
        config.NewConfig<AppealTicketRequest, AppealTicketCommand>();
        config.NewConfig<TicketDto, AppealTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<RateTicketRequest, RateTicketCommand>();
        config.NewConfig<WatchTicketRequest, WatchTicketQuery>();

        config.NewConfig<PossibleDuplicateDto, PossibleDuplicate>();
        config.NewConfig<SubmittedTicketDto, SubmitTicketResponse>();
        config.NewConfig<TicketDto, GetTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, AddTicketMessageResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, WithdrawTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketDto, RateTicketResponse>().Map(d => d.Ticket, s => s);
        config.NewConfig<TicketPage, ListMyTicketsResponse>();
        config.NewConfig<TicketStreamEvent, WatchTicketResponse>().Map(d => d.EventType, s => EnumMappings.ToProto(s.Kind));
        config.NewConfig<TicketStreamEvent, StreamTicketEventsResponse>()
            .Map(d => d.Cursor, s => s.Cursor.ToString(CultureInfo.InvariantCulture))
            .Map(d => d.EventType, s => EnumMappings.ToProto(s.Kind));
        config.NewConfig<GetTicketByReferenceRequest, GetTicketByReferenceQuery>();
        config.NewConfig<TicketDto, GetTicketByReferenceResponse>().Map(d => d.Ticket, s => s);

        config.NewConfig<ListTicketsRequest, ListTicketsQuery>()
            .Map(d => d.SlaState, s => EnumMappings.FromProto(s.SlaState));
        config.NewConfig<StaffTicketServiceGetTicketRequest, GetStaffTicketQuery>();
        config.NewConfig<AssignTicketRequest, AssignTicketCommand>();
        config.NewConfig<ReplyToTicketRequest, ReplyToTicketCommand>();
        config.NewConfig<RequestInformationRequest, RequestInformationCommand>();
        config.NewConfig<AwaitExternalPartyRequest, AwaitExternalPartyCommand>()
            .Map(d => d.ReasonCode, s => EnumMappings.FromProto(s.ReasonCode));
        config.NewConfig<AddInternalNoteRequest, AddInternalNoteCommand>();
        config.NewConfig<ResolveTicketRequest, ResolveTicketCommand>();
        config.NewConfig<RejectTicketRequest, RejectTicketCommand>();
        config.NewConfig<CloseTicketRequest, CloseTicketCommand>();
        config.NewConfig<MergeTicketRequest, MergeTicketCommand>();
        config.NewConfig<DecideAppealRequest, DecideAppealCommand>()
            .Map(d => d.Decision, s => EnumMappings.FromProto(s.Decision));
        config.NewConfig<StaffTicketDto, DecideAppealResponse>();
        config.NewConfig<RestrictRequesterRequest, RestrictRequesterCommand>()
            .Map(d => d.Restriction, s => EnumMappings.FromProto(s.Restriction))
            .Map(d => d.ExpireTime, s => CommonMappings.ToInstant(s.ExpireTime, "expire_time"));
        config.NewConfig<RestrictionDto, AccountRestriction>()
            .Map(d => d.Restriction, s => EnumMappings.ToProto(s.Restriction));
        config.NewConfig<RestrictionDto, RestrictRequesterResponse>().Map(d => d.Restriction, s => s);
        config.NewConfig<GetTicketStatisticsRequest, GetTicketStatisticsQuery>()
            .Map(d => d.StartTime, s => CommonMappings.ToInstant(s.StartTime, "start_time"))
            .Map(d => d.EndTime, s => CommonMappings.ToInstant(s.EndTime, "end_time"));

        config.NewConfig<TicketPage, ListTicketsResponse>();
        config.NewConfig<StaffTicketWithSubmitterDto, StaffTicketServiceGetTicketResponse>();
        config.NewConfig<SubmitterDto, Submitter>();
        config.NewConfig<RevealSubmitterRequest, RevealSubmitterCommand>();
        config.NewConfig<SubmitterDto, RevealSubmitterResponse>().Map(d => d.Submitter, s => s);
        config.NewConfig<StaffTicketDto, AssignTicketResponse>();
        config.NewConfig<StaffTicketDto, ReplyToTicketResponse>();
        config.NewConfig<StaffTicketDto, RequestInformationResponse>();
        config.NewConfig<StaffTicketDto, AwaitExternalPartyResponse>();
        config.NewConfig<StaffTicketDto, AddInternalNoteResponse>();
        config.NewConfig<StaffTicketDto, ResolveTicketResponse>();
        config.NewConfig<StaffTicketDto, RejectTicketResponse>();
        config.NewConfig<StaffTicketDto, CloseTicketResponse>();
        config.NewConfig<StaffTicketDto, MergeTicketResponse>();

        config.NewConfig<TypeCountDto, TypeCount>();
        config.NewConfig<StatusCountDto, StatusCount>();
        config.NewConfig<CategoryCountDto, CategoryCount>();
        config.NewConfig<OutcomeCountDto, OutcomeCount>();
        config.NewConfig<ClosureReasonCountDto, ClosureReasonCount>();
        // Optional proto fields have presence: set them only when there is a value, so that an empty
        // range reads as "unset" rather than as 0.
        config.NewConfig<StaffFiguresDto, StaffFigures>();
        config.NewConfig<PausedTimeByReasonDto, PausedTimeByReason>()
            .Map(d => d.Reason, s => EnumMappings.ToProto(s.Reason));
        config.NewConfig<TicketStatisticsDto, GetTicketStatisticsResponse>()
            .IgnoreIf((s, _) => s.ResolvedWithinDueRatio == null, d => d.ResolvedWithinDueRatio)
            .IgnoreIf((s, _) => s.AverageRating == null, d => d.AverageRating)
            .IgnoreIf((s, _) => s.ReopenedRatio == null, d => d.ReopenedRatio)
            .IgnoreIf((s, _) => s.FirstContactResolutionRatio == null, d => d.FirstContactResolutionRatio)
            .Map(d => d.ReopenedRatio, s => s.ReopenedRatio!.Value)
            .Map(d => d.FirstContactResolutionRatio, s => s.FirstContactResolutionRatio!.Value)
            .IgnoreIf((s, _) => s.AppealRatio == null, d => d.AppealRatio)
            .IgnoreIf((s, _) => s.AppealUpheldRatio == null, d => d.AppealUpheldRatio)
            .Map(d => d.AppealRatio, s => s.AppealRatio!.Value)
            .Map(d => d.AppealUpheldRatio, s => s.AppealUpheldRatio!.Value)
            .Map(d => d.ResolvedWithinDueRatio, s => s.ResolvedWithinDueRatio!.Value)
            .IgnoreIf((s, _) => s.GrossResolvedWithinDueRatio == null, d => d.GrossResolvedWithinDueRatio)
            .Map(d => d.GrossResolvedWithinDueRatio, s => s.GrossResolvedWithinDueRatio!.Value)
            .IgnoreIf((s, _) => s.ResolvedWithinDueRatio == null, d => d.NetResolvedWithinDueRatio)
            .Map(d => d.NetResolvedWithinDueRatio, s => s.ResolvedWithinDueRatio!.Value)
            .Map(d => d.AverageRating, s => s.AverageRating!.Value);
    }
}
