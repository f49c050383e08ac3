using System.Globalization;
using Mapster;
using Tahseen.Application.Calendar;
using Tahseen.Contracts.V1;

namespace Tahseen.Grpc.Mapping;

/// <summary>AdminService holidays: calendar dates travel as <c>YYYY-MM-DD</c> strings.</summary>
public sealed class CalendarMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<HolidayDto, Holiday>()
            .Map(d => d.StartDate, s => Date(s.StartDate))
            .Map(d => d.EndDate, s => Date(s.EndDate));
        config.NewConfig<ListHolidaysRequest, ListHolidaysQuery>();
        config.NewConfig<HolidayList, ListHolidaysResponse>()
            .Map(d => d.CoveredThrough, s => s.CoveredThrough.HasValue ? Date(s.CoveredThrough.Value) : string.Empty);
        config.NewConfig<SetHolidayRequest, SetHolidayCommand>();
        config.NewConfig<DeleteHolidayRequest, DeleteHolidayCommand>();
        config.NewConfig<HolidayChange, SetHolidayResponse>()
            .Map(d => d.MovedTicketCount, s => s.MovedTicketCount)
            .Map(d => d.PendingTicketCount, s => s.PendingTicketCount);
        config.NewConfig<HolidayChange, DeleteHolidayResponse>();
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
