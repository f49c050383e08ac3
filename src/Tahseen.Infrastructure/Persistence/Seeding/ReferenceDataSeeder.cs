using Microsoft.EntityFrameworkCore;
using Tahseen.Domain.Identity;
using Tahseen.Domain.Tickets;

namespace Tahseen.Infrastructure.Persistence.Seeding;

/// <summary>
/// The terms and conditions of the seed article and the Civil Affairs categories. Categories are
/// seeded once with fixed ids; after that they belong to the admins.
/// </summary>
internal sealed class ReferenceDataSeeder : IDataSeeder
{
    public const string TermsVersionInForce = "2026.1";

    private static readonly DateTimeOffset TermsPublishTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TermsClause[] Clauses =
    [
        new(1, "أوافق على جميع الشروط والأحكام الخاصة بالموقع.", "I agree to all terms and conditions of the site."),
        new(2, "أتحمل المسؤولية الكاملة عن جميع البيانات التي أدخلتها.", "I am fully responsible for all the data I have entered."),
        new(3, "لن أستخدم هذه البيانات مع أي جهة غير الجهات المصرح لها.", "I will not use this data with any party other than the authorised ones."),
        new(4, "تُستخدم التقنيات المناسبة لحماية البيانات الشخصية التي أدخلها.", "Appropriate technologies are used to protect the personal data I enter."),
        new(5, "أقر بأنني أسجل بهويتي الشخصية، وأن استخدام هوية تعود لشخص آخر يعرضني للمساءلة.", "I confirm that I register with my own identity; using an identity that belongs to someone else makes me accountable."),
    ];

    private static readonly (Guid Id, string Ar, string En)[] Categories =
    [
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000001"), "بطاقة الهوية الوطنية", "National ID card"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000002"), "سجل الأسرة", "Family register"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000003"), "تسجيل المواليد", "Birth registration"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000004"), "تسجيل الوفيات", "Death registration"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000005"), "تسجيل الزواج والطلاق", "Marriage and divorce registration"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000006"), "تعديل البيانات المدنية", "Correction of civil data"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000007"), "المواعيد", "Appointments"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000008"), "الخدمات الإلكترونية", "E-services"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000009"), "سلوك الموظفين", "Staff conduct"),
        (new Guid("0b7f3c4e-0001-4a6e-9c1d-5a0000000010"), "أخرى", "Other"),
    ];

    private static readonly DateTimeOffset CannedResponsesTime = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A starting set of canned responses; admins edit, retire and add to it.</summary>
    private static readonly (Guid Id, int? Category, TicketType? Type, string TitleAr, string TitleEn, string BodyAr, string BodyEn)[] CannedResponses =
    [
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000001"), null, null,
            "تأكيد الاستلام", "Acknowledgement",
            "مرحبًا {citizen_name}، استلمنا طلبك رقم {reference_number} وهو الآن قيد الدراسة، وسنرد عليك في موعد أقصاه {due_date_hijri} هـ ({due_date} م). مع التحية، {staff_name} - الأحوال المدنية.",
            "Hello {citizen_name}, we have received your request {reference_number} and it is being reviewed. We will answer by {due_date} ({due_date_hijri} AH). Regards, {staff_name}, Civil Affairs."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000002"), null, TicketType.Complaint,
            "الشكوى قيد المعالجة", "Complaint under review",
            "نعتذر عمّا واجهته يا {citizen_name}. أُحيلت شكواك رقم {reference_number} إلى الإدارة المختصة للتحقق منها، وسنبلغك بالنتيجة قبل {due_date_hijri} هـ.",
            "We are sorry for what you experienced, {citizen_name}. Your complaint {reference_number} has been passed to the responsible department to be looked into; we will tell you the outcome before {due_date}."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000003"), null, TicketType.Suggestion,
            "شكر على الاقتراح", "Thanks for the suggestion",
            "شكرًا لك يا {citizen_name} على اقتراحك رقم {reference_number}. سيُعرض على الجهة المختصة لدراسته، وسنبلغك بما يُتخذ بشأنه.",
            "Thank you, {citizen_name}, for your suggestion {reference_number}. It will be put to the department concerned for study, and we will let you know what is decided."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000004"), 1, null,
            "متطلبات بطاقة الهوية", "National ID card requirements",
            "لإصدار بطاقة الهوية الوطنية أو تجديدها: صورة شخصية حديثة بخلفية بيضاء، وسداد المقابل المالي عند الاقتضاء، ثم حجز موعد في أقرب مكتب للأحوال المدنية عبر منصة أبشر. طلبك: {reference_number}.",
            "To issue or renew a national ID card: a recent photo on a white background, the fee paid where one is due, then an appointment at the nearest Civil Affairs office booked through Absher. Your request: {reference_number}."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000005"), 2, null,
            "طلب مستندات سجل الأسرة", "Family register documents needed",
            "لإكمال طلبك رقم {reference_number} نحتاج إلى صورة من عقد الزواج الموثق وشهادات ميلاد الأبناء غير المضافين. يُرجى إرفاقها بالرد على هذه الرسالة.",
            "To complete your request {reference_number} we need a copy of the registered marriage contract and the birth certificates of the children not yet added. Please attach them in your reply to this message."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000006"), 3, null,
            "مهلة تسجيل المولود", "Birth registration deadline",
            "يُسجَّل المولود خلال ثلاثين يومًا من الولادة بتبليغ المستشفى وهوية ولي الأمر. إن تجاوزت المهلة فراجع مكتب الأحوال المدنية مع تبليغ الولادة. طلبك: {reference_number}.",
            "A birth is registered within thirty days with the hospital's birth notice and the guardian's ID. If that time has passed, visit a Civil Affairs office with the birth notice. Your request: {reference_number}."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000007"), 7, null,
            "حجز المواعيد", "Booking appointments",
            "تُحجز مواعيد الأحوال المدنية وتُعدَّل أو تُلغى من منصة أبشر: الخدمات ثم الأحوال المدنية ثم المواعيد. إن لم تجد موعدًا مناسبًا فأخبرنا بالمدينة لنساعدك. طلبك: {reference_number}.",
            "Civil Affairs appointments are booked, changed or cancelled on Absher: Services, then Civil Affairs, then Appointments. If you cannot find a suitable slot, tell us your city and we will help. Your request: {reference_number}."),
        (new Guid("0b7f3c4e-0002-4a6e-9c1d-5a0000000008"), 8, null,
            "خطوات الخدمة الإلكترونية", "Using the e-service",
            "جرّب تسجيل الخروج ثم الدخول من جديد، وتحديث المتصفح أو التطبيق. إن ظهرت رسالة خطأ فأرسل لنا نصها ووقت ظهورها لنتابعها مع الفريق الفني. طلبك: {reference_number}.",
            "Please sign out and in again, and update your browser or the app. If an error message appears, send us its text and when it appeared so that we can follow it up with the technical team. Your request: {reference_number}."),
    ];

    public int Order => 0;

    public async Task SeedAsync(TahseenDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.TermsVersions.AnyAsync(t => t.Version == TermsVersionInForce, cancellationToken))
        {
            db.TermsVersions.Add(new TermsVersion(TermsVersionInForce, TermsPublishTime, Clauses));
        }

        if (!await db.Categories.AnyAsync(cancellationToken))
        {
            db.Categories.AddRange(Categories.Select((c, index) => new Category(c.Id, c.Ar, c.En, index + 1)));
        }

        if (!await db.CannedResponses.AnyAsync(cancellationToken))
        {
            // Only for the seeded categories still there (and those added just above).
            var known = (await db.Categories.Select(c => c.Id).ToListAsync(cancellationToken))
                .Concat(db.Categories.Local.Select(c => c.Id))
                .ToHashSet();
            db.CannedResponses.AddRange(CannedResponses
                .Where(r => r.Category is not { } position || known.Contains(Categories[position - 1].Id))
                .Select(r => new CannedResponse(
                r.Id,
                r.Category is { } position ? Categories[position - 1].Id : null,
                r.Type,
                r.TitleAr,
                r.TitleEn,
                r.BodyAr,
                r.BodyEn,
                active: true,
                CannedResponsesTime)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
