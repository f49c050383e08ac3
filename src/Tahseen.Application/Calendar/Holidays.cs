using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Application.Calendar;

public sealed record HolidayDto(
    Guid HolidayId, DateOnly StartDate, DateOnly EndDate, string NameAr, string NameEn, bool Estimated, DateTimeOffset UpdateTime)
{
    public static HolidayDto From(Holiday holiday) => new(
        holiday.Id, holiday.StartDate, holiday.EndDate, holiday.NameAr, holiday.NameEn, holiday.Estimated, holiday.UpdateTime);
}

public sealed record HolidayList(IReadOnlyList<HolidayDto> Holidays, DateOnly? CoveredThrough);

public sealed record HolidayChange(HolidayDto? Holiday, long MovedTicketCount, long PendingTicketCount);

/// <summary>The holidays that touch a Gregorian year (0: all), earliest first.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record ListHolidaysQuery(int Year) : IRequest<HolidayList>;

/// <summary>
/// Adds a holiday (no id) or changes one (an estimate becomes confirmed). Every open ticket whose window
/// the old or new dates touch keeps its working days: its due time moves, with history and an event.
/// </summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record SetHolidayCommand(
    string? HolidayId, string StartDate, string EndDate, string NameAr, string NameEn, string? RequestId = null)
    : IRequest<HolidayChange>, IIdempotentCommand;

/// <summary>Removes a holiday; the due times of the open tickets it touched move back.</summary>
[RequireRoles(AccountRoles.Admin)]
public sealed record DeleteHolidayCommand(string HolidayId, string? RequestId = null) : IRequest<HolidayChange>, IIdempotentCommand;

public sealed class ListHolidaysQueryValidator : AbstractValidator<ListHolidaysQuery>
{
    public ListHolidaysQueryValidator() =>
        RuleFor(q => q.Year).Must(year => year == 0 || year is >= 2000 and <= 2100).WithReason(ErrorReason.ValueOutOfRange);
}

public sealed class SetHolidayCommandValidator : AbstractValidator<SetHolidayCommand>
{
    public SetHolidayCommandValidator()
    {
        RuleFor(c => c.HolidayId).OptionalIdentifier();
        RuleFor(c => c.StartDate).Must(HolidayDates.IsDate).WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.EndDate).Must(HolidayDates.IsDate).WithReason(ErrorReason.FieldInvalid);
        RuleFor(c => c.NameAr).RequiredText(Holiday.MaxNameLength);
        RuleFor(c => c.NameEn).RequiredText(Holiday.MaxNameLength);
    }
}

public sealed class DeleteHolidayCommandValidator : AbstractValidator<DeleteHolidayCommand>
{
    public DeleteHolidayCommandValidator() => RuleFor(c => c.HolidayId).Identifier();
}

internal static class HolidayDates
{
    public static bool IsDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day.Year is >= 2000 and <= 2100;

    public static DateOnly Parse(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class ListHolidaysQueryHandler(IApplicationDbContext db, WorkingCalendar calendar) : IRequestHandler<ListHolidaysQuery, HolidayList>
{
    public async Task<HolidayList> Handle(ListHolidaysQuery request, CancellationToken cancellationToken)
    {
        var holidays = db.Holidays.AsNoTracking();
        if (request.Year != 0)
        {
            var first = new DateOnly(request.Year, 1, 1);
            var last = new DateOnly(request.Year, 12, 31);
            holidays = holidays.Where(h => h.EndDate >= first && h.StartDate <= last);
        }

        var list = await holidays.OrderBy(h => h.StartDate).ToListAsync(cancellationToken);
        return new HolidayList([.. list.Select(HolidayDto.From)], calendar.CoveredThrough);
    }
}

public sealed class SetHolidayCommandHandler(
    IApplicationDbContext db, ICommandLocks locks, UnitOfWork unitOfWork, DueTimeRecalculation recalculation, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetHolidayCommand, HolidayChange>
{
    public async Task<HolidayChange> Handle(SetHolidayCommand request, CancellationToken cancellationToken)
    {
        // One calendar change at a time, everywhere: each recomputes from the holidays the last one committed.
        await locks.LockAsync(CommandLock.Calendar, cancellationToken);
        var now = clock.GetUtcNow();
        var before = await recalculation.CalendarFromDatabaseAsync(cancellationToken);
        var start = HolidayDates.Parse(request.StartDate);
        var end = HolidayDates.Parse(request.EndDate);
        var nameAr = TextInput.Clean(request.NameAr);
        var nameEn = TextInput.Clean(request.NameEn);

        Holiday holiday;
        var touched = new List<(DateOnly Start, DateOnly End)> { (start, end) };
        if (ValidationRules.ParseOptionalIdentifier(request.HolidayId) is { } id)
        {
            holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
                ?? throw new TahseenException(ErrorReason.HolidayNotFound);
            touched.Add((holiday.StartDate, holiday.EndDate));
            holiday.Update(start, end, nameAr, nameEn, now);
        }
        else
        {
            holiday = new Holiday(Guid.CreateVersion7(now), start, end, nameAr, nameEn, estimated: false, now);
            db.Holidays.Add(holiday);
        }

        await unitOfWork.WriteAsync(cancellationToken);
        var (moved, pending, after) = await recalculation.MoveDueTimesAsync(before, touched, user.AccountId, now, cancellationToken);
        unitOfWork.AfterCommit(() => recalculation.Publish(after));
        return new HolidayChange(HolidayDto.From(holiday), moved, pending);
    }
}

public sealed class DeleteHolidayCommandHandler(
    IApplicationDbContext db, ICommandLocks locks, UnitOfWork unitOfWork, DueTimeRecalculation recalculation, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<DeleteHolidayCommand, HolidayChange>
{
    public async Task<HolidayChange> Handle(DeleteHolidayCommand request, CancellationToken cancellationToken)
    {
        await locks.LockAsync(CommandLock.Calendar, cancellationToken);
        var now = clock.GetUtcNow();
        var before = await recalculation.CalendarFromDatabaseAsync(cancellationToken);
        var id = Guid.Parse(request.HolidayId);
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new TahseenException(ErrorReason.HolidayNotFound);
        db.Holidays.Remove(holiday);
        await unitOfWork.WriteAsync(cancellationToken);
        var (moved, pending, after) = await recalculation.MoveDueTimesAsync(
            before, [(holiday.StartDate, holiday.EndDate)], user.AccountId, now, cancellationToken);
        unitOfWork.AfterCommit(() => recalculation.Publish(after));
        return new HolidayChange(null, moved, pending);
    }
}
