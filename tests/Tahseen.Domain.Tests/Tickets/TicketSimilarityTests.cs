using System.Globalization;
using Tahseen.Domain.Tickets;
using Xunit.Abstractions;

namespace Tahseen.Domain.Tests.Tickets;

public class TicketSimilarityTests(ITestOutputHelper output)
{
    // Pairs of ticket subjects a submitter might write, and whether they are the same matter.
    // The same matter spelt differently (hamza forms, taa marbuta, alef maqsura, diacritics, tatweel,
    // Arabic-Indic digits, case, full-width letters, punctuation), and different matters that share words.
    public static readonly (string First, string Second, bool Same)[] Pairs =
    [
        ("طلب تجديد بطاقة الهوية الوطنية", "طلب تجديد بطاقه الهويه الوطنيه", true),
        ("تأخر إصدار شهادة الميلاد", "تاخر اصدار شهاده الميلاد", true),
        ("لم أستلم الهوية حتى الآن", "لم استلم الهويه حتى الان", true),
        ("مُشْكِلَةٌ في موعد الأحوال المدنية", "مشكلة في موعد الاحوال المدنيه", true),
        ("إلى متى يستغرق تسجيل المولود؟", "الى متى يستغرق تسجيل المولود", true),
        ("تعديل الاسم في سجل الأسرة", "تعديل الإسم في سجل الاسره", true),
        ("الموعد رقم ١٢٣٤ لم يتم", "الموعد رقم 1234 لم يتم", true),
        ("مستشفى الولادة لم يرسل بلاغ الولادة", "مستشفي الولاده لم يرسل بلاغ الولاده", true),
        ("تـــأخـــر الـــرد عـلـى الـطـلـب", "تأخر الرد على الطلب", true),
        ("الموظّف لم يردّ على إتصالي", "الموظف لم يرد على اتصالي", true),
        ("Lost National ID Card", "lost national id card!!", true),
        ("ID card renewal delayed for 3 weeks", "Id card renewal delayed 3 weeks", true),
        ("Ｎａｔｉｏｎａｌ ＩＤ ｃａｒｄ ｒｅｐｌａｃｅｍｅｎｔ", "National ID card replacement", true),
        ("Family-register correction (wrong birth date)", "family register correction: wrong birthdate", true),
        ("تأخر إصدار شهادة الميلاد لابني", "تأخر اصدار شهاده ميلاد ابني", true),
        ("National ID card renewal", "Renewal of my national ID card", true),

        ("طلب تجديد بطاقة الهوية الوطنية", "طلب تجديد موعد في فرع جدة", false),
        ("تأخر إصدار شهادة الميلاد", "خطأ في تاريخ الميلاد في سجل الأسرة", false),
        ("حجز موعد في فرع الرياض", "إلغاء الموعد بسبب السفر", false),
        ("تسجيل المولود الجديد", "تسجيل عقد الزواج", false),
        ("لم أستلم الهوية", "لم أستلم رسالة التحقق", false),
        ("الموقع الإلكتروني لا يعمل", "الموظف لا يرد على الهاتف", false),
        ("Lost national ID card", "National ID card photo is blurry", false),
        ("Staff member was rude at the counter", "Staff member helped me quickly, thank you", false),
        ("Family register correction", "Family register new copy request", false),
        ("Appointment cancelled without notice", "Appointment booking page not loading", false),
        ("Marriage registration delayed", "Divorce registration documents needed", false),
        ("Death registration of my father", "Birth registration of my son", false),
    ];

    [Fact]
    public void The_pairs_table_is_found_with_precision_and_recall_of_at_least_ninety_percent()
    {
        Pairs.Should().HaveCountGreaterThanOrEqualTo(20);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (first, second, same) in Pairs)
        {
            var score = TicketSimilarity.Score(first, second);
            var found = score >= TicketSimilarity.DefaultThreshold;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score:0.00} {(same ? "same" : "diff")} {(found == same ? "ok " : "MISS")} {first} | {second}"));
            truePositives += found && same ? 1 : 0;
            falsePositives += found && !same ? 1 : 0;
            falseNegatives += !found && same ? 1 : 0;
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000}, recall {recall:0.000} over {Pairs.Length} pairs at threshold {TicketSimilarity.DefaultThreshold}"));

        precision.Should().BeGreaterThanOrEqualTo(0.9);
        recall.Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Theory]
    [InlineData("أإآٱ", "اااا")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مُحَمَّدٌ", "محمد")]
    [InlineData("مـــحـــمـــد", "محمد")]
    [InlineData("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789")]
    [InlineData("  ID-Card,  RENEWAL!! ", "id card renewal")]
    [InlineData("ｆｕｌｌ ｗｉｄｔｈ", "full width")]
    public void Text_is_normalised_for_matching(string text, string expected) =>
        TicketSimilarity.Normalize(text).Should().Be(expected);

    [Fact]
    public void A_ticket_is_as_alike_as_the_better_of_its_subject_and_description()
    {
        TicketSimilarity.Score("Lost card", "My national ID card was stolen in Riyadh", "Other", "my national id card was stolen in riyadh.")
            .Should().Be(1);
        TicketSimilarity.Score("", "").Should().Be(0);
    }
}
