namespace Tahseen.Domain.Tickets;

/// <summary>The capacity in which someone wrote a message or caused a history entry.</summary>
public enum ActorRole
{
    Citizen = 1,
    Staff = 2,
    Admin = 3,

    /// <summary>The service itself, for example the job that closes resolved tickets nobody rated.</summary>
    System = 4,
}
