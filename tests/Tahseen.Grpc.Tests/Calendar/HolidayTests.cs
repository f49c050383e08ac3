using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Contracts.V1;
using Tahseen.Grpc.Tests.Infrastructure;
using Tahseen.Grpc.Tests.Tickets;
using Tahseen.Infrastructure.Calendar;

namespace Tahseen.Grpc.Tests.Calendar;

public sealed class HolidayTests(TahseenApiFactory factory) : IClassFixture<TahseenApiFactory>
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    /// <summary><c>Sla:WorkdayEnd</c>'s default.</summary>
    private static readonly TimeOnly WorkdayEnd = new(14, 30);

    private readonly TicketKit _kit = new(factory);

    [Fact]
    public async Task Extending_an_Eid_holiday_by_two_days_moves_a_complaint_filed_the_Wednesday_before_by_two_working_days()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var holidays = await ListAsync(admin, 2027);
        var eid = holidays.Holidays.Single(h => h.NameEn == "Eid al-Fitr 1448 AH");
        eid.Estimated.Should().BeTrue("the seeded Eid is an estimate until an admin confirms it");
        var eidStart = Date(eid.StartDate);
        var wednesday = eidStart.AddDays(-1);
        while (wednesday.DayOfWeek != DayOfWeek.Wednesday)
        {
            wednesday = wednesday.AddDays(-1);
        }

        factory.Clock.SetUtcNow(new DateTimeOffset(wednesday.ToDateTime(new TimeOnly(10, 0)), Riyadh).ToUniversalTime());
        admin = await _kit.DeskAsync(Role.Admin);
        var citizen = await _kit.CitizenAsync();
        var complaint = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));
        // The same Wednesday after the end of the working day: counted from Thursday.
        factory.Clock.SetUtcNow(new DateTimeOffset(wednesday.ToDateTime(new TimeOnly(15, 0)), Riyadh).ToUniversalTime());
        citizen = await _kit.RefreshedAsync(citizen);
        admin = await _kit.DeskAsync(Role.Admin);
        var lateComplaint = await _kit.SubmitAsync(citizen, TicketKit.NewTicket(TicketType.Complaint));

        var days = DaysOff(holidays.Holidays);
        RiyadhDay(complaint.DueTime).Should().Be(AddWorkingDays(wednesday, 5, days), "five working days, the Eid break not among them");
        RiyadhTime(complaint.DueTime).Should().Be(WorkdayEnd, "a due time is the end of the working day");
        RiyadhDay(lateComplaint.DueTime).Should().Be(AddWorkingDays(wednesday, 6, days), "sent after 14:30, day 0 is the next working day");
        RiyadhTime(lateComplaint.DueTime).Should().Be(WorkdayEnd);
        // The README's worked example: these are the dates it gives.
        wednesday.Should().Be(new DateOnly(2027, 3, 3));
        complaint.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2027, 3, 16, 14, 30, 0, Riyadh));
        complaint.DueDateHijri.Should().Be("1448-10-08");
        complaint.CreateDateHijri.Should().Be("1448-09-24");
        lateComplaint.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2027, 3, 17, 14, 30, 0, Riyadh));
        Date(eid.StartDate).Should().Be(new DateOnly(2027, 3, 9));
        Date(eid.EndDate).Should().Be(new DateOnly(2027, 3, 14));

        // The submitter reads English: the SMS that tells of the move carries the English text too.
        await _kit.Identity.UpdateMyLanguageAsync(new UpdateMyLanguageRequest { PreferredLanguage = Language.English }, citizen.Options());
        var smsBefore = await _kit.Harness.SmsCountAsync(citizen.MobileNumber);

        // The moon was sighted late: two more working days off after the announced end.
        var newEnd = AddWorkingDays(Date(eid.EndDate), 2, days);
        var confirmed = await _kit.Admin.SetHolidayAsync(new SetHolidayRequest
        {
            HolidayId = eid.HolidayId, StartDate = eid.StartDate, EndDate = Text(newEnd), NameAr = eid.NameAr, NameEn = eid.NameEn,
        }, admin.Options());

        confirmed.MovedTicketCount.Should().Be(2, "both complaints' windows take in the two new days off");
        confirmed.PendingTicketCount.Should().Be(0);
        confirmed.Holiday.Estimated.Should().BeFalse("an admin's save confirms it");
        var moved = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = complaint.TicketId }, citizen.Options())).Ticket;
        var newDays = DaysOff((await ListAsync(admin, 2027)).Holidays);
        RiyadhDay(moved.DueTime).Should().Be(AddWorkingDays(RiyadhDay(complaint.DueTime), 2, newDays), "the ticket keeps its five working days");
        RiyadhDay(moved.DueTime).Should().Be(AddWorkingDays(wednesday, 5, newDays));
        newDays.Should().NotContain(RiyadhDay(moved.DueTime));
        RiyadhTime(moved.DueTime).Should().Be(WorkdayEnd);
        moved.DueDateHijri.Should().Be(Hijri(RiyadhDay(moved.DueTime)));
        moved.CreateDateHijri.Should().Be(Hijri(wednesday));
        moved.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2027, 3, 18, 14, 30, 0, Riyadh));
        moved.DueDateHijri.Should().Be("1448-10-10");
        var movedLate = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = lateComplaint.TicketId }, citizen.Options())).Ticket;
        RiyadhDay(movedLate.DueTime).Should().Be(AddWorkingDays(wednesday, 6, newDays));
        movedLate.DueDateHijri.Should().Be(Hijri(RiyadhDay(movedLate.DueTime)));
        movedLate.DueTime.ToDateTimeOffset().Should().Be(new DateTimeOffset(2027, 3, 21, 14, 30, 0, Riyadh));
        movedLate.DueDateHijri.Should().Be("1448-10-13");
        newEnd.Should().Be(new DateOnly(2027, 3, 16));

        // One SMS per moved ticket, with the new due date in Hijri and Gregorian, in Arabic and in English.
        (await _kit.Harness.SmsCountAsync(citizen.MobileNumber)).Should().Be(smsBefore + 2);
        var messages = (await _kit.Harness.Sandbox.ListSmsMessagesAsync(
            new Tahseen.Contracts.Sandbox.V1.ListSmsMessagesRequest { MobileNumber = citizen.MobileNumber, PageSize = 2 })).Messages.Select(m => m.Body).ToList();
        foreach (var ticket in new[] { moved, movedLate })
        {
            var sms = messages.Should().ContainSingle(body => body.Contains(ticket.ReferenceNumber)).Which;
            sms.Should().Contain(SmsDates.Arabic(ticket.DueTime)).And.Contain(SmsDates.EnglishStart(ticket.DueTime)).And.Contain(SmsDates.EnglishYear(ticket.DueTime));
        }

        messages.Should().Contain(body => body.Contains("١٠-١٠-١٤٤٨هـ (2027-03-18م)") && body.Contains("18 Mar 2027 (10 Shawwal 1448 AH)"));
        var staffView = await _kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = complaint.TicketId }, admin.Options());
        staffView.History.Should().ContainSingle(h => h.Action == "DUE_TIME_MOVED" && h.ActorAccountId == admin.AccountId);

        // Removing the holiday gives the working days back: the due time comes before the old one.
        var removed = await _kit.Admin.DeleteHolidayAsync(new DeleteHolidayRequest { HolidayId = eid.HolidayId }, admin.Options());
        removed.MovedTicketCount.Should().Be(2);
        var back = (await _kit.Tickets.GetTicketAsync(new GetTicketRequest { TicketId = complaint.TicketId }, citizen.Options())).Ticket;
        RiyadhDay(back.DueTime).Should().Be(AddWorkingDays(wednesday, 5, DaysOff((await ListAsync(admin, 2027)).Holidays)));
        (await ListAsync(admin, 2027)).Holidays.Should().NotContain(h => h.HolidayId == eid.HolidayId);
    }

    [Fact]
    public async Task Bad_holidays_are_refused_with_a_reason_per_field_and_only_admins_keep_them()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var staff = await _kit.DeskAsync();

        async Task<GrpcError> RefusedAsync(SetHolidayRequest request) =>
            await _kit.Admin.SetHolidayAsync(request, admin.Options()).FailsWith(StatusCode.InvalidArgument);

        (await RefusedAsync(new() { StartDate = "2027-13-01", EndDate = "2027-01-02", NameAr = "أ", NameEn = "A" }))
            .BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "start_date" && v.Reason == "FIELD_INVALID");
        (await RefusedAsync(new() { StartDate = "2027-01-05", EndDate = "2027-01-02", NameAr = "أ", NameEn = "A" }))
            .BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "end_date" && v.Reason == "FIELD_INVALID");
        (await RefusedAsync(new() { StartDate = "2027-01-01", EndDate = "2027-03-01", NameAr = "أ", NameEn = "A" }))
            .BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "end_date" && v.Reason == "VALUE_OUT_OF_RANGE");
        (await RefusedAsync(new() { StartDate = "2027-01-01", EndDate = "2027-01-01", NameAr = " ", NameEn = "A" }))
            .BadRequest!.FieldViolations.Should().ContainSingle(v => v.Field == "name_ar" && v.Reason == "FIELD_REQUIRED");
        (await _kit.Admin.SetHolidayAsync(new SetHolidayRequest
        {
            HolidayId = Guid.NewGuid().ToString(), StartDate = "2027-01-01", EndDate = "2027-01-01", NameAr = "أ", NameEn = "A",
        }, admin.Options()).FailsWith(StatusCode.NotFound)).Reason.Should().Be("HOLIDAY_NOT_FOUND");
        (await _kit.Admin.DeleteHolidayAsync(new DeleteHolidayRequest { HolidayId = Guid.NewGuid().ToString() }, admin.Options())
            .FailsWith(StatusCode.NotFound)).Reason.Should().Be("HOLIDAY_NOT_FOUND");
        (await _kit.Admin.SetHolidayAsync(new SetHolidayRequest { StartDate = "2027-01-01", EndDate = "2027-01-01", NameAr = "أ", NameEn = "A" }, staff.Options())
            .FailsWith(StatusCode.PermissionDenied)).Reason.Should().Be("FORBIDDEN");
        (await _kit.Admin.ListHolidaysAsync(new ListHolidaysRequest { Year = 1999 }, admin.Options())
            .FailsWith(StatusCode.InvalidArgument)).Reason.Should().Be("VALUE_OUT_OF_RANGE");
    }

    [Fact]
    public async Task The_seeded_holidays_cover_1447_to_1450_AH_with_four_working_days_per_Eid()
    {
        var admin = await _kit.DeskAsync(Role.Admin);
        var all = await _kit.Admin.ListHolidaysAsync(new ListHolidaysRequest(), admin.Options());

        all.CoveredThrough.Should().Be("2029-12-31");
        foreach (var year in new[] { 1447, 1448, 1449, 1450 })
        {
            foreach (var name in new[] { $"Eid al-Fitr {year} AH", $"Eid al-Adha {year} AH" })
            {
                var eid = all.Holidays.Should().ContainSingle(h => h.NameEn == name).Which;
                Enumerable.Range(0, Date(eid.EndDate).DayNumber - Date(eid.StartDate).DayNumber + 1)
                    .Select(i => Date(eid.StartDate).AddDays(i))
                    .Count(d => d.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday))
                    .Should().Be(4, name + " is four working days");
            }
        }

        var calendar = new UmAlQuraCalendar();
        var fitr1447 = all.Holidays.Single(h => h.NameEn == "Eid al-Fitr 1447 AH");
        Hijri(Date(fitr1447.StartDate)).Should().BeOneOf("1447-09-30", "1447-10-01");
        var adha1448 = all.Holidays.Single(h => h.NameEn == "Eid al-Adha 1448 AH");
        Hijri(Date(adha1448.StartDate)).Should().Be("1448-12-09", "the break starts on the Day of Arafah");
        all.Holidays.Where(h => h.NameEn == "National Day").Select(h => h.StartDate).Should().Contain(["2026-09-23", "2029-09-23"]);
        all.Holidays.Where(h => h.NameEn == "Founding Day").Select(h => h.StartDate).Should().Contain(["2027-02-22", "2029-02-22"]);
        _ = calendar;
    }

    private async Task<ListHolidaysResponse> ListAsync(Caller admin, int year) =>
        await _kit.Admin.ListHolidaysAsync(new ListHolidaysRequest { Year = year }, admin.Options());

    private static HashSet<DateOnly> DaysOff(IEnumerable<Holiday> holidays) =>
        [.. holidays.SelectMany(h => Enumerable.Range(0, Date(h.EndDate).DayNumber - Date(h.StartDate).DayNumber + 1).Select(i => Date(h.StartDate).AddDays(i)))];

    /// <summary>An independent count: the next working days (Sunday to Thursday, not a holiday) after a day.</summary>
    private static DateOnly AddWorkingDays(DateOnly day, int count, HashSet<DateOnly> holidays)
    {
        while (count > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && !holidays.Contains(day))
            {
                count--;
            }
        }

        return day;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly RiyadhTime(Timestamp time) => TimeOnly.FromDateTime(time.ToDateTimeOffset().ToOffset(Riyadh).DateTime);

    private static DateOnly RiyadhDay(Timestamp time) => DateOnly.FromDateTime(time.ToDateTimeOffset().ToOffset(Riyadh).DateTime);

    private static string Hijri(DateOnly day)
    {
        var calendar = new UmAlQuraCalendar();
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture, $"{calendar.GetYear(date):D4}-{calendar.GetMonth(date):D2}-{calendar.GetDayOfMonth(date):D2}");
    }
}

public sealed class LargeHolidayChangeTests : IDisposable
{
    private readonly TahseenApiFactory _factory = new()
    {
        Configure = builder => builder.UseSetting("Calendar:RecomputeInCallLimit", "2"),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Beyond_the_in_call_limit_the_rest_move_in_the_background_and_none_is_moved_twice()
    {
        var kit = new TicketKit(_factory);
        var admin = await kit.DeskAsync(Role.Admin);
        var citizen = await kit.CitizenAsync();
        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await kit.SubmitAsync(citizen));
        }

        // A day off inside every ticket's window: the day after they were filed, a working day.
        var filed = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).DateTime);
        var dayOff = filed.AddDays(1);
        while (dayOff.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday)
        {
            dayOff = dayOff.AddDays(1);
        }

        var text = dayOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var change = await kit.Admin.SetHolidayAsync(new SetHolidayRequest
        {
            StartDate = text, EndDate = text, NameAr = "إجازة استثنائية", NameEn = "Extraordinary day off",
        }, admin.Options());

        change.MovedTicketCount.Should().Be(2);
        change.PendingTicketCount.Should().Be(3);
        var job = _factory.Services.GetRequiredService<CalendarJob>();
        (await job.RunOnceAsync(CancellationToken.None)).Should().Be(1, "one batch moves the three left (a batch is 1,000)");
        (await job.RunOnceAsync(CancellationToken.None)).Should().Be(0, "nothing is left");

        foreach (var ticket in tickets)
        {
            var staffView = await kit.Staff.GetTicketAsync(new StaffTicketServiceGetTicketRequest { TicketId = ticket.TicketId }, admin.Options());
            staffView.History.Count(h => h.Action == "DUE_TIME_MOVED").Should().Be(1, "every touched ticket moved exactly once");
            staffView.Ticket.DueTime.ToDateTimeOffset().Should().BeAfter(ticket.DueTime.ToDateTimeOffset());
        }
    }
}
