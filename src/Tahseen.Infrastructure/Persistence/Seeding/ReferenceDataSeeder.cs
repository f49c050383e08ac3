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

        await db.SaveChangesAsync(cancellationToken);
    }
}
