using System.Globalization;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Errors;

/// <summary>
/// The one table of client-facing messages, Arabic and English, keyed by reason code.
/// Placeholders ({0}, {1}) are filled from a violation's arguments.
/// </summary>
public static class ErrorMessages
{
    public const string Arabic = "ar";
    public const string English = "en";

    private static readonly Dictionary<string, (string Ar, string En)> Messages = new(StringComparer.Ordinal)
    {
        ["PASSWORD_TOO_SHORT"] = ("يجب ألا تقل كلمة المرور عن 8 أحرف.", "The password must be at least 8 characters long."),
        ["PASSWORD_TOO_LONG"] = ("يجب ألا تزيد كلمة المرور على 64 حرفًا.", "The password must be at most 64 characters long."),
        ["PASSWORD_NEEDS_LOWERCASE"] = ("يجب أن تحتوي كلمة المرور على حرف إنجليزي صغير واحد على الأقل.", "The password must contain at least one lowercase letter."),
        ["PASSWORD_NEEDS_DIGIT"] = ("يجب أن تحتوي كلمة المرور على رقم واحد على الأقل.", "The password must contain at least one digit."),
        ["PASSWORD_HAS_SYMBOL"] = ("يجب ألا تحتوي كلمة المرور على رموز أو علامات ترقيم أو مسافات.", "The password must not contain symbols, punctuation or spaces."),
        ["PASSWORD_NOT_ENGLISH"] = ("يجب أن تتكون كلمة المرور من حروف وأرقام إنجليزية فقط.", "The password may contain English letters and digits only."),
        ["PASSWORD_REPEATED_CHARS"] = ("يجب ألا تحتوي كلمة المرور على 4 أحرف متطابقة متتالية.", "The password must not contain 4 identical characters in a row."),
        ["PASSWORD_TOO_COMMON"] = ("كلمة المرور هذه شائعة جدًا ويسهل تخمينها.", "This password is too common and easy to guess."),
        ["PASSWORD_CONTAINS_IDENTITY"] = ("يجب ألا تحتوي كلمة المرور على اسم المستخدم أو رقم الهوية.", "The password must not contain the username or the identity number."),
        ["NATIONAL_ID_INVALID"] = ("رقم الهوية الوطنية أو الإقامة غير صحيح.", "The national ID or iqama number is not valid."),
        ["MOBILE_INVALID"] = ("رقم الجوال غير صحيح؛ أدخل رقم جوال سعوديًا مثل 05XXXXXXXX.", "The mobile number is not valid; enter a Saudi mobile such as 05XXXXXXXX."),
        ["USERNAME_INVALID"] = ("اسم المستخدم يجب أن يكون من 3 إلى 32 حرفًا من الحروف الإنجليزية والأرقام والرموز . _ -", "The username must be 3 to 32 characters of English letters, digits, '.', '_' or '-'."),
        ["EMAIL_INVALID"] = ("البريد الإلكتروني غير صحيح.", "The e-mail address is not valid."),
        ["EXTENSION_ALREADY_USED"] = ("مُدّد هذا الطلب من قبل؛ لا يُمدَّد الطلب إلا مرة واحدة.", "This request was already extended; a request may be extended only once."),
        ["DATA_SUBJECT_REQUEST_COMPLETED"] = ("اكتمل هذا الطلب ولا يمكن تغييره.", "This request is already completed and cannot be changed."),
        ["CANNED_RESPONSE_NOT_APPLICABLE"] = ("هذا الرد الجاهز غير متاح لهذا النوع أو التصنيف من الطلبات.", "This canned response is retired or is not for this ticket's category or type."),
        ["DATA_SUBJECT_REQUEST_NOT_FOUND"] = ("طلب البيانات الشخصية غير موجود.", "The personal data request was not found."),
        ["TERMS_NOT_ACCEPTED"] = ("يجب الموافقة على جميع الشروط والأحكام.", "You must accept all terms and conditions."),
        ["VALIDATION_FAILED"] = ("البيانات المدخلة غير صحيحة.", "The request is not valid."),
        ["FIELD_REQUIRED"] = ("هذا الحقل مطلوب.", "This field is required."),
        ["FIELD_TOO_LONG"] = ("يجب ألا يزيد طول هذا الحقل على {0} حرفًا.", "This field must be at most {0} characters long."),
        ["FIELD_TOO_SHORT"] = ("يجب ألا يقل طول هذا الحقل عن {0} أحرف.", "This field must be at least {0} characters long."),
        ["FIELD_INVALID"] = ("قيمة هذا الحقل غير صحيحة.", "The value of this field is not valid."),
        ["FIELD_HAS_CONTROL_CHARACTERS"] = ("يحتوي هذا الحقل على رموز تحكم غير مسموح بها.", "This field contains control characters that are not allowed."),
        ["VALUE_OUT_OF_RANGE"] = ("يجب أن تكون القيمة بين {0} و{1}.", "The value must be between {0} and {1}."),
        ["PAGE_TOKEN_INVALID"] = ("رمز الصفحة غير صالح؛ ابدأ من الصفحة الأولى.", "The page token is not valid; start again from the first page."),
        ["MALFORMED_REQUEST"] = ("تعذرت قراءة الطلب؛ البيانات المرسلة ليست رسالة صحيحة.", "The request could not be read; the bytes sent are not a valid message."),
        ["TIMESTAMP_OUT_OF_RANGE"] = ("الوقت خارج النطاق المسموح (من سنة 0001 إلى سنة 9999).", "The time is out of range (years 0001 to 9999)."),
        ["MERGE_INTO_SELF"] = ("لا يمكن دمج الطلب في نفسه.", "A ticket cannot be merged into itself."),
        ["OUTCOME_TYPE_MISMATCH"] = ("هذه النتيجة لا تخص نوع الطلب.", "This outcome belongs to another type of ticket."),
        ["FOLLOW_UP_DATE_OUT_OF_RANGE"] = ("يجب أن يكون تاريخ المتابعة بعد اليوم وخلال {0} يومًا.", "The follow-up date must be after today and within {0} days."),
        ["TEXT_HAS_BIDI_CONTROLS"] = ("يحتوي النص على رموز تحكم في اتجاه الكتابة غير مسموح بها.", "The text contains bidirectional control characters, which are not allowed."),
        ["PLACEHOLDER_UNKNOWN"] = ("يحتوي النص على عنصر نائب غير معروف: {0}. العناصر المتاحة: {{reference_number}} و{{citizen_name}} و{{due_date}} و{{due_date_hijri}} و{{staff_name}}.", "The text has an unknown placeholder: {0}. The placeholders are {{reference_number}}, {{citizen_name}}, {{due_date}}, {{due_date_hijri}} and {{staff_name}}."),
        ["MOBILE_NOT_OWNED"] = ("رقم الجوال غير مسجل لهذه الهوية في الأحوال المدنية.", "This mobile number is not registered to this identity at Civil Affairs."),
        ["NOT_ELIGIBLE"] = ("صاحب هذه الهوية غير مؤهل للتسجيل.", "The holder of this identity is not eligible to register."),
        ["CAPTCHA_INVALID"] = ("رمز التحقق المرئي غير صحيح أو منتهي الصلاحية.", "The visual verification code is wrong or has expired."),
        ["CAPTCHA_REQUIRED"] = ("بعد عدة محاولات دخول خاطئة يلزم حل رمز التحقق المرئي؛ أرسل captcha_id وcaptcha_answer مع الطلب.", "After several failed sign-ins a visual verification code is required; send captcha_id and captcha_answer with the request."),
        ["OTP_INVALID"] = ("رمز التحقق غير صحيح.", "The verification code is not correct."),
        ["OTP_EXPIRED"] = ("انتهت صلاحية رمز التحقق؛ اطلب رمزًا جديدًا.", "The verification code has expired; request a new one."),
        ["TERMS_VERSION_MISMATCH"] = ("تم تحديث الشروط والأحكام؛ يرجى مراجعة النسخة الحالية والموافقة عليها.", "The terms and conditions have changed; review and accept the current version."),
        ["INVALID_TICKET_TRANSITION"] = ("لا يمكن تنفيذ هذا الإجراء على الطلب في حالته الحالية.", "This action is not possible for the ticket in its current status."),
        ["CATEGORY_INACTIVE"] = ("هذا التصنيف غير متاح حاليًا.", "This category is not available."),
        ["MERGE_DIFFERENT_SUBMITTER"] = ("لا يُدمج إلا طلبان لمقدم الطلب نفسه.", "Only tickets of the same submitter are merged."),
        ["MERGE_TARGET_CLOSED"] = ("لا يمكن الدمج في طلب مغلق أو مسحوب أو مرفوض أو مدموج.", "A ticket cannot be merged into a closed, withdrawn, rejected or merged ticket."),
        ["OUTCOME_REQUIRED"] = ("يجب تحديد نتيجة تناسب نوع الطلب لحله.", "A ticket is resolved with an outcome valid for its type."),
        ["LAST_ADMIN"] = ("لا يمكن تعطيل آخر مشرف نشط أو تعطيل حسابك بنفسك.", "The last active administrator cannot be disabled, and an administrator cannot disable itself."),
        ["ACCOUNT_NOT_STAFF"] = ("هذا الحساب ليس حساب موظف؛ لا تُغيَّر أدواره ولا تصنيفاته.", "This is not a staff account; its roles and categories cannot be changed."),
        ["ACCOUNT_EXISTS"] = ("يوجد حساب مسجل لهذه الهوية بالفعل.", "An account is already registered for this identity."),
        ["USERNAME_TAKEN"] = ("اسم المستخدم مستخدم من قبل؛ اختر اسمًا آخر.", "This username is taken; choose another one."),
        ["REQUEST_ID_REUSED"] = ("تم استخدام معرف الطلب نفسه لطلب مختلف.", "This request id was already used for a different request."),
        ["CATEGORY_EXISTS"] = ("يوجد تصنيف بالاسم نفسه.", "A category with the same name already exists."),
        ["INVALID_CREDENTIALS"] = ("اسم المستخدم أو كلمة المرور غير صحيحة.", "The username or password is not correct."),
        ["TOKEN_INVALID"] = ("جلسة الدخول غير صالحة؛ يرجى تسجيل الدخول من جديد.", "The session is not valid; please log in again."),
        ["TOKEN_EXPIRED"] = ("انتهت صلاحية جلسة الدخول؛ يرجى تجديدها أو تسجيل الدخول من جديد.", "The session has expired; refresh it or log in again."),
        ["ACCOUNT_LOCKED"] = ("تم إيقاف الحساب مؤقتًا بسبب محاولات دخول خاطئة متكررة؛ حاول لاحقًا.", "The account is temporarily locked after repeated failed logins; try again later."),
        ["ACCOUNT_DISABLED"] = ("هذا الحساب معطل.", "This account is disabled."),
        ["FORBIDDEN"] = ("ليست لديك صلاحية لتنفيذ هذا الإجراء.", "You are not allowed to do this."),
        ["TICKET_NOT_FOUND"] = ("الطلب غير موجود.", "The ticket was not found."),
        ["CATEGORY_NOT_FOUND"] = ("التصنيف غير موجود.", "The category was not found."),
        ["REGISTRATION_NOT_FOUND"] = ("طلب التسجيل غير موجود أو انتهت صلاحيته؛ ابدأ التسجيل من جديد.", "The registration was not found or has expired; start again."),
        ["CHALLENGE_NOT_FOUND"] = ("محاولة الدخول غير موجودة أو انتهت صلاحيتها؛ سجل الدخول من جديد.", "The login attempt was not found or has expired; log in again."),
        ["PASSWORD_RESET_NOT_FOUND"] = ("طلب استعادة كلمة المرور غير موجود أو انتهت صلاحيته.", "The password reset was not found or has expired."),
        ["ACCOUNT_NOT_FOUND"] = ("الحساب غير موجود.", "The account was not found."),
        ["CAPTCHA_NOT_FOUND"] = ("رمز التحقق المرئي غير موجود أو انتهت صلاحيته.", "The visual verification code was not found or has expired."),
        ["DEAD_LETTER_NOT_FOUND"] = ("الحدث غير موجود أو لم يعد متوقفاً عن المعالجة.", "The event was not found or is no longer dead-lettered."),
        ["SERVICE_ACCOUNT_NOT_FOUND"] = ("حساب الخدمة غير موجود.", "The service account was not found."),
        ["CANNED_RESPONSE_NOT_FOUND"] = ("الرد الجاهز غير موجود.", "The canned response was not found."),
        ["HOLIDAY_NOT_FOUND"] = ("العطلة غير موجودة.", "The holiday was not found."),
        ["OTP_ATTEMPTS_EXCEEDED"] = ("تجاوزت عدد المحاولات المسموح بها لهذا الرمز؛ اطلب رمزًا جديدًا.", "Too many wrong attempts for this code; request a new one."),
        ["OTP_RESEND_TOO_SOON"] = ("يرجى الانتظار قبل طلب رمز جديد.", "Please wait before requesting a new code."),
        ["RATE_LIMITED"] = ("تجاوزت الحد المسموح من الطلبات؛ حاول لاحقًا.", "Too many requests; try again later."),
        ["INSUFFICIENT_SCOPE"] = ("لا يملك حساب الخدمة الصلاحية المطلوبة لهذه العملية.", "The service account was not granted the scope this operation needs."),
        ["INVALID_CLIENT"] = ("معرف العميل أو كلمة سره غير صحيحة.", "The client id or client secret is not correct."),
        ["REVEAL_LIMIT_REACHED"] = ("بلغت الحد اليومي لعرض بيانات مقدمي الطلبات كاملة؛ يتجدد الحد منتصف الليل بتوقيت الرياض.", "You have reached today's limit for revealing submitters in full; it renews at midnight Riyadh time."),
        ["CURSOR_EXPIRED"] = ("لم تعد الأحداث بعد هذا المؤشر محفوظة؛ ابدأ من المؤشر 0.", "The events after this cursor are no longer kept; start again from cursor 0."),
        ["OPEN_TICKET_LIMIT"] = ("لديك {0} طلبات مفتوحة، وهو الحد الأعلى؛ يمكنك تقديم طلب جديد بعد إغلاق أحدها.", "You have {0} open tickets, the most allowed; you may submit a new one once one of them is closed."),
        ["DAILY_TICKET_LIMIT"] = ("بلغت الحد اليومي لتقديم الطلبات ({0})؛ يتجدد الحد منتصف الليل بتوقيت الرياض.", "You have reached today's limit of {0} submitted tickets; it renews at midnight Riyadh time."),
        ["REQUESTER_RESTRICTED"] = ("تقديم الطلبات موقوف لحسابك حتى {0}.", "Submitting tickets is suspended for your account until {0}."),
        ["APPEAL_SELF_DECISION"] = ("لا يجوز لمن عالج الطلب أو رفضه أن يبت في التظلم منه.", "The staff member who resolved or rejected the ticket may not decide its appeal."),
        ["TICKET_HELD_FOR_REVIEW"] = ("هذا الطلب محجوز لمراجعة المشرف قبل دخوله قائمة العمل؛ يطلقه المشرف بإسناده.", "This ticket is held for a supervisor's review; a supervisor releases it by assigning it."),
        ["ACCOUNT_NOT_CITIZEN"] = ("هذا الحساب ليس حساب مواطن أو مقيم.", "This account is not a citizen's account."),
        ["APPEAL_NOT_ALLOWED"] = ("لا يمكن التظلم إلا من شكوى مرفوضة أو معالجة بعدم ثبوتها أو ثبوتها جزئيًا.", "Only a complaint that was rejected, or resolved as not upheld or partially upheld, may be appealed."),
        ["APPEAL_WINDOW_CLOSED"] = ("انتهت مهلة التظلم ({0} يومًا من القرار).", "The time to appeal ({0} days from the decision) has passed."),
        ["PAUSE_LIMIT_REACHED"] = ("استُنفد إيقاف مهلة هذا الطلب ({0} مرات أو {1} أيام عمل بحد أقصى)؛ تستمر المهلة.", "This ticket's clock may not stop again (at most {0} pauses or {1} working days in all); the clock runs on."),
        ["APPEAL_ALREADY_LODGED"] = ("سبق تقديم تظلم على هذا الطلب؛ يقبل تظلم واحد فقط.", "This ticket was already appealed; a ticket may be appealed only once."),
        ["MESSAGE_TOO_LARGE"] = ("حجم الطلب أكبر من الحد المسموح به (1 ميغابايت).", "The request is larger than the service accepts (1 MB)."),
        ["DEADLINE_EXCEEDED"] = ("انتهت المهلة المحددة للطلب قبل اكتماله.", "The call's deadline passed before it completed."),
        ["CANCELLED"] = ("أُلغي الطلب.", "The call was cancelled."),
        ["METHOD_NOT_FOUND"] = ("الخدمة أو العملية المطلوبة غير موجودة.", "The requested service or method does not exist."),
        ["CONCURRENT_UPDATE"] = ("تم تعديل السجل نفسه في الوقت ذاته؛ أعد المحاولة.", "The same record was changed at the same time; try again."),
        ["SERVICE_SHUTTING_DOWN"] = ("الخدمة تتوقف الآن؛ أعد المحاولة بعد قليل.", "The service is shutting down; try again shortly."),
        ["CIVIL_REGISTRY_UNAVAILABLE"] = ("تعذّر الوصول إلى السجل المدني حاليًا؛ حاول بعد قليل.", "The civil registry cannot be reached right now; try again shortly."),
        ["INTERNAL"] = ("حدث خطأ غير متوقع. رقم المرجع: {0}", "An unexpected error occurred. Reference: {0}"),
    };

    /// <summary>Whether the table holds both languages for a reason code.</summary>
    public static bool Has(string code) =>
        Messages.TryGetValue(code, out var m) && !string.IsNullOrWhiteSpace(m.Ar) && !string.IsNullOrWhiteSpace(m.En);

    /// <summary>The message for a reason in <paramref name="language"/> ("ar" or "en"; anything else falls back to Arabic).</summary>
    public static string Get(string code, string language, IReadOnlyList<object>? arguments = null)
    {
        var (ar, en) = Messages.TryGetValue(code, out var message) ? message : Messages["VALIDATION_FAILED"];
        var text = language == English ? en : ar;
        var culture = language == English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("ar-SA");
        return arguments is { Count: > 0 } ? string.Format(culture, text, arguments.ToArray()) : text;
    }

    /// <summary>Picks "ar" or "en" from an accept-language value such as "en-US,en;q=0.9"; Arabic by default.</summary>
    public static string PickLanguage(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return Arabic;
        }

        var best = acceptLanguage
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, index) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var quality = 1.0;
                foreach (var parameter in pieces.Skip(1))
                {
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && double.TryParse(parameter.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
                    {
                        quality = q;
                    }
                }

                var primary = pieces[0].Split('-')[0].ToLowerInvariant();
                return (primary, quality, index);
            })
            .Where(x => x.primary is Arabic or English && x.quality > 0)
            .OrderByDescending(x => x.quality)
            .ThenBy(x => x.index)
            .Select(x => x.primary)
            .FirstOrDefault();
        return best ?? Arabic;
    }
}
