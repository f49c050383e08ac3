using Tahseen.Domain.Common;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Identity;
using Tahseen.Application.Tickets;
using Tahseen.Contracts.Sandbox.V1;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;
using ClosureReason = Tahseen.Domain.Tickets.ClosureReason;
using AppealDecision = Tahseen.Domain.Tickets.AppealDecision;
using ProtoAccountStatus = Tahseen.Contracts.V1.AccountStatus;
using ProtoAppealDecision = Tahseen.Contracts.V1.AppealDecision;
using ProtoPauseReason = Tahseen.Contracts.V1.PauseReason;
using PauseReason = Tahseen.Domain.Tickets.PauseReason;
using ProtoRequesterRestriction = Tahseen.Contracts.V1.RequesterRestriction;
using RequesterRestriction = Tahseen.Domain.Tickets.RequesterRestriction;
using ProtoClosureReason = Tahseen.Contracts.V1.ClosureReason;
using ProtoPersonKind = Tahseen.Contracts.V1.PersonKind;
using ProtoRole = Tahseen.Contracts.V1.Role;
using ProtoSlaState = Tahseen.Contracts.V1.SlaState;
using ProtoTicketEventType = Tahseen.Contracts.V1.TicketEventType;
using ProtoTicketOutcome = Tahseen.Contracts.V1.TicketOutcome;
using ProtoTicketStatus = Tahseen.Contracts.V1.TicketStatus;
using ProtoLanguage = Tahseen.Contracts.V1.Language;
using ProtoTicketType = Tahseen.Contracts.V1.TicketType;
using TicketOutcome = Tahseen.Domain.Tickets.TicketOutcome;

namespace Tahseen.Grpc.Mapping;

/// <summary>
/// Every enum crossing the edge, by name, written once. Going out, an unknown value is a bug, not a
/// default. Coming in, UNSPECIFIED means "not given" (null) and a number the contract does not know
/// passes through unchanged, for the use case's validator to refuse as FIELD_INVALID.
/// </summary>
public static class EnumMappings
{
    public static IEnumerable<ProtoRole> ToProto(AccountRoles roles) => RoleNames.Of(roles).Select(RoleFromName);

    public static ProtoRole RoleFromName(string role) => role switch
    {
        RoleNames.Citizen => ProtoRole.Citizen,
        RoleNames.Staff => ProtoRole.Staff,
        RoleNames.Admin => ProtoRole.Admin,
        RoleNames.Supervisor => ProtoRole.Supervisor,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static AccountRoles FromProto(IEnumerable<ProtoRole> roles) =>
        roles.Aggregate(AccountRoles.None, (all, role) => all | role switch
        {
            ProtoRole.Citizen => AccountRoles.Citizen,
            ProtoRole.Staff => AccountRoles.Staff,
            ProtoRole.Admin => AccountRoles.Admin,
            ProtoRole.Supervisor => AccountRoles.Supervisor,
            _ => AccountRoles.None,
        });

    public static ProtoAccountStatus ToProto(AccountStatusView status) => status switch
    {
        AccountStatusView.Active => ProtoAccountStatus.Active,
        AccountStatusView.Locked => ProtoAccountStatus.Locked,
        AccountStatusView.Disabled => ProtoAccountStatus.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ProtoPersonKind ToProto(PersonKind? kind) => kind switch
    {
        PersonKind.Citizen => ProtoPersonKind.Citizen,
        PersonKind.Resident => ProtoPersonKind.Resident,
        null => ProtoPersonKind.Unspecified,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IdentityStatus ToProto(CivilStatus status) => status switch
    {
        CivilStatus.Active => IdentityStatus.Active,
        CivilStatus.IqamaExpired => IdentityStatus.IqamaExpired,
        CivilStatus.Deceased => IdentityStatus.Deceased,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A role filter: ROLE_UNSPECIFIED for any role; an unknown number becomes None, which the validator refuses.</summary>
    public static AccountRoles? RoleFilterFromProto(ProtoRole role) =>
        role == ProtoRole.Unspecified ? null : FromProto([role]);

    public static AccountStatusView? FromProto(ProtoAccountStatus status) => status switch
    {
        ProtoAccountStatus.Unspecified => null,
        ProtoAccountStatus.Active => AccountStatusView.Active,
        ProtoAccountStatus.Locked => AccountStatusView.Locked,
        ProtoAccountStatus.Disabled => AccountStatusView.Disabled,
        _ => (AccountStatusView)(int)status,
    };

    public static ProtoTicketType ToProto(TicketType type) => type switch
    {
        TicketType.Complaint => ProtoTicketType.Complaint,
        TicketType.Suggestion => ProtoTicketType.Suggestion,
        TicketType.Inquiry => ProtoTicketType.Inquiry,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static TicketType? FromProto(ProtoTicketType type) => type switch
    {
        ProtoTicketType.Unspecified => null,
        ProtoTicketType.Complaint => TicketType.Complaint,
        ProtoTicketType.Suggestion => TicketType.Suggestion,
        ProtoTicketType.Inquiry => TicketType.Inquiry,
        _ => (TicketType)(int)type,
    };

    public static ProtoTicketStatus ToProto(TicketStatus? status) => status switch
    {
        null => ProtoTicketStatus.Unspecified,
        TicketStatus.Submitted => ProtoTicketStatus.Submitted,
        TicketStatus.InProgress => ProtoTicketStatus.InProgress,
        TicketStatus.WaitingForCitizen => ProtoTicketStatus.WaitingForCitizen,
        TicketStatus.Resolved => ProtoTicketStatus.Resolved,
        TicketStatus.Closed => ProtoTicketStatus.Closed,
        TicketStatus.Withdrawn => ProtoTicketStatus.Withdrawn,
        TicketStatus.Rejected => ProtoTicketStatus.Rejected,
        TicketStatus.Appealed => ProtoTicketStatus.Appealed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TicketStatus? FromProto(ProtoTicketStatus status) => status switch
    {
        ProtoTicketStatus.Unspecified => null,
        ProtoTicketStatus.Submitted => TicketStatus.Submitted,
        ProtoTicketStatus.InProgress => TicketStatus.InProgress,
        ProtoTicketStatus.WaitingForCitizen => TicketStatus.WaitingForCitizen,
        ProtoTicketStatus.Resolved => TicketStatus.Resolved,
        ProtoTicketStatus.Closed => TicketStatus.Closed,
        ProtoTicketStatus.Withdrawn => TicketStatus.Withdrawn,
        ProtoTicketStatus.Rejected => TicketStatus.Rejected,
        ProtoTicketStatus.Appealed => TicketStatus.Appealed,
        _ => (TicketStatus)(int)status,
    };

    public static ProtoTicketOutcome ToProto(TicketOutcome? outcome) => outcome switch
    {
        null => ProtoTicketOutcome.Unspecified,
        TicketOutcome.Upheld => ProtoTicketOutcome.Upheld,
        TicketOutcome.PartiallyUpheld => ProtoTicketOutcome.PartiallyUpheld,
        TicketOutcome.NotUpheld => ProtoTicketOutcome.NotUpheld,
        TicketOutcome.Adopted => ProtoTicketOutcome.Adopted,
        TicketOutcome.UnderStudy => ProtoTicketOutcome.UnderStudy,
        TicketOutcome.Declined => ProtoTicketOutcome.Declined,
        TicketOutcome.Answered => ProtoTicketOutcome.Answered,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static TicketOutcome? FromProto(ProtoTicketOutcome outcome) => outcome switch
    {
        ProtoTicketOutcome.Unspecified => null,
        ProtoTicketOutcome.Upheld => TicketOutcome.Upheld,
        ProtoTicketOutcome.PartiallyUpheld => TicketOutcome.PartiallyUpheld,
        ProtoTicketOutcome.NotUpheld => TicketOutcome.NotUpheld,
        ProtoTicketOutcome.Adopted => TicketOutcome.Adopted,
        ProtoTicketOutcome.UnderStudy => TicketOutcome.UnderStudy,
        ProtoTicketOutcome.Declined => TicketOutcome.Declined,
        ProtoTicketOutcome.Answered => TicketOutcome.Answered,
        _ => (TicketOutcome)(int)outcome,
    };

    public static ProtoClosureReason ToProto(ClosureReason? reason) => reason switch
    {
        null => ProtoClosureReason.Unspecified,
        ClosureReason.Rated => ProtoClosureReason.Rated,
        ClosureReason.AutoClosed => ProtoClosureReason.AutoClosed,
        ClosureReason.Withdrawn => ProtoClosureReason.Withdrawn,
        ClosureReason.RejectedOutOfScope => ProtoClosureReason.RejectedOutOfScope,
        ClosureReason.MergedDuplicate => ProtoClosureReason.MergedDuplicate,
        ClosureReason.AppealDismissed => ProtoClosureReason.AppealDismissed,
        ClosureReason.ClosedByStaff => ProtoClosureReason.ClosedByStaff,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The service acting on its own (an automatic close) has no role to show.</summary>
    public static ProtoRole ToProto(ActorRole role) => role switch
    {
        ActorRole.Citizen => ProtoRole.Citizen,
        ActorRole.Staff => ProtoRole.Staff,
        ActorRole.Admin => ProtoRole.Admin,
        ActorRole.System => ProtoRole.Unspecified,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static ProtoTicketEventType ToProto(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Snapshot => ProtoTicketEventType.Snapshot,
        TicketEventKind.StatusChanged => ProtoTicketEventType.StatusChanged,
        TicketEventKind.MessageAdded => ProtoTicketEventType.MessageAdded,
        TicketEventKind.Assigned => ProtoTicketEventType.Assigned,
        TicketEventKind.Submitted => ProtoTicketEventType.Submitted,
        TicketEventKind.SlaAtRisk => ProtoTicketEventType.SlaAtRisk,
        TicketEventKind.SlaBreached => ProtoTicketEventType.SlaBreached,
        TicketEventKind.DueTimeChanged => ProtoTicketEventType.DueTimeChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>An unknown or snapshot type maps to no kind, which the validator refuses.</summary>
    public static TicketEventKind FromProto(ProtoTicketEventType type) => type switch
    {
        ProtoTicketEventType.StatusChanged => TicketEventKind.StatusChanged,
        ProtoTicketEventType.MessageAdded => TicketEventKind.MessageAdded,
        ProtoTicketEventType.Assigned => TicketEventKind.Assigned,
        ProtoTicketEventType.Submitted => TicketEventKind.Submitted,
        ProtoTicketEventType.SlaAtRisk => TicketEventKind.SlaAtRisk,
        ProtoTicketEventType.SlaBreached => TicketEventKind.SlaBreached,
        ProtoTicketEventType.DueTimeChanged => TicketEventKind.DueTimeChanged,
        _ => default,
    };

    public static ProtoSlaState ToProto(SlaState state) => state switch
    {
        SlaState.OnTrack => ProtoSlaState.OnTrack,
        SlaState.AtRisk => ProtoSlaState.AtRisk,
        SlaState.Breached => ProtoSlaState.Breached,
        SlaState.Paused => ProtoSlaState.Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>A filter: UNSPECIFIED for any state; an unknown number passes through for the validator to refuse.</summary>
    public static SlaState? FromProto(ProtoSlaState state) =>
        state == ProtoSlaState.Unspecified ? null : (SlaState)(int)state;

    /// <summary>History actions as the contract's stable codes; spelled out so that renaming the enum cannot change them.</summary>
    public static string ToCode(TicketAction action) => action switch
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
        TicketAction.Merged => "MERGED",
        TicketAction.MergeReceived => "MERGE_RECEIVED",
        TicketAction.FollowUpDue => "FOLLOW_UP_DUE",
        TicketAction.DueTimeMoved => "DUE_TIME_MOVED",
        TicketAction.Reassigned => "REASSIGNED",
        TicketAction.SlaAtRisk => "SLA_AT_RISK",
        TicketAction.Escalated => "ESCALATED",
        TicketAction.AppealLodged => "APPEAL_LODGED",
        TicketAction.AppealUpheld => "APPEAL_UPHELD",
        TicketAction.AppealDismissed => "APPEAL_DISMISSED",
        TicketAction.HeldForReview => "HELD_FOR_REVIEW",
        TicketAction.ReleasedFromReview => "RELEASED_FROM_REVIEW",
        TicketAction.Paused => "PAUSED",
        TicketAction.Resumed => "RESUMED",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static ProtoPauseReason ToProto(PauseReason reason) => reason switch
    {
        PauseReason.WaitingForCitizen => ProtoPauseReason.WaitingForCitizen,
        PauseReason.AwaitingOtherAgency => ProtoPauseReason.AwaitingOtherAgency,
        PauseReason.AwaitingDocuments => ProtoPauseReason.AwaitingDocuments,
        PauseReason.AwaitingFieldVisit => ProtoPauseReason.AwaitingFieldVisit,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static PauseReason? FromProto(ProtoPauseReason reason) => reason switch
    {
        ProtoPauseReason.Unspecified => null,
        ProtoPauseReason.WaitingForCitizen => PauseReason.WaitingForCitizen,
        ProtoPauseReason.AwaitingOtherAgency => PauseReason.AwaitingOtherAgency,
        ProtoPauseReason.AwaitingDocuments => PauseReason.AwaitingDocuments,
        ProtoPauseReason.AwaitingFieldVisit => PauseReason.AwaitingFieldVisit,
        _ => (PauseReason)(int)reason,
    };

    public static ProtoAppealDecision ToProto(AppealDecision? decision) => decision switch
    {
        null => ProtoAppealDecision.Unspecified,
        AppealDecision.Uphold => ProtoAppealDecision.Uphold,
        AppealDecision.Dismiss => ProtoAppealDecision.Dismiss,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>Unset is null (FIELD_REQUIRED); an unknown number passes through for the validator to refuse.</summary>
    public static AppealDecision? FromProto(ProtoAppealDecision decision) => decision switch
    {
        ProtoAppealDecision.Unspecified => null,
        ProtoAppealDecision.Uphold => AppealDecision.Uphold,
        ProtoAppealDecision.Dismiss => AppealDecision.Dismiss,
        _ => (AppealDecision)(int)decision,
    };

    public static ProtoRequesterRestriction ToProto(RequesterRestriction restriction) => restriction switch
    {
        RequesterRestriction.SubmitBlocked => ProtoRequesterRestriction.SubmitBlocked,
        RequesterRestriction.ReviewBeforeQueue => ProtoRequesterRestriction.ReviewBeforeQueue,
        _ => throw new ArgumentOutOfRangeException(nameof(restriction), restriction, null),
    };

    /// <summary>Unset is null (FIELD_REQUIRED); an unknown number passes through for the validator to refuse.</summary>
    public static RequesterRestriction? FromProto(ProtoRequesterRestriction restriction) => restriction switch
    {
        ProtoRequesterRestriction.Unspecified => null,
        ProtoRequesterRestriction.SubmitBlocked => RequesterRestriction.SubmitBlocked,
        ProtoRequesterRestriction.ReviewBeforeQueue => RequesterRestriction.ReviewBeforeQueue,
        _ => (RequesterRestriction)(int)restriction,
    };

    public static ProtoLanguage ToProto(Language language) => language switch
    {
        Language.Arabic => ProtoLanguage.Arabic,
        Language.English => ProtoLanguage.English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>Unset is null (FIELD_REQUIRED); an unknown number passes through for the validator to refuse.</summary>
    public static Language? FromProto(ProtoLanguage language) => language switch
    {
        ProtoLanguage.Unspecified => null,
        ProtoLanguage.Arabic => Language.Arabic,
        ProtoLanguage.English => Language.English,
        _ => (Language)(int)language,
    };

    public static ProtoTicketType ToProto(TicketType? type) => type is { } value ? ToProto(value) : ProtoTicketType.Unspecified;
}
