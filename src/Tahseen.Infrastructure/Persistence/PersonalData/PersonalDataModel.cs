using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tahseen.Application.Common.Privacy;
using Tahseen.Infrastructure.Security;

namespace Tahseen.Infrastructure.Persistence.PersonalData;

/// <summary>
/// How an entity configuration marks personal data: the property is sealed by a value converter at
/// the edge of the database (the domain only ever holds clear text), and, where something looks it
/// up, a keyed-hash shadow column beside it is kept current by <see cref="LookupHashInterceptor"/>.
/// </summary>
internal static class PersonalDataModel
{
    /// <summary>On a sealed property: the purpose bound into its ciphertext ("Entity.Property").</summary>
    public const string SealedAnnotation = "Tahseen:SealedPurpose";

    /// <summary>On a sealed property that has a lookup hash: its <see cref="LookupKind"/>.</summary>
    public const string LookupAnnotation = "Tahseen:LookupKind";

    public const int LookupHashLength = 84;

    public static string ColumnOf(LookupKind kind) => kind switch
    {
        LookupKind.NationalId => LookupColumns.NationalIdHash,
        LookupKind.MobileNumber => LookupColumns.MobileNumberHash,
        _ => LookupColumns.EmailHash,
    };

    public static PropertyBuilder<string?> IsPersonalData<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property, LookupKind? lookup = null)
        where T : class
    {
        var sealedProperty = builder.Property(property);
        sealedProperty.HasAnnotation(SealedAnnotation, $"{typeof(T).Name}.{sealedProperty.Metadata.Name}");
        if (lookup is { } kind)
        {
            sealedProperty.HasAnnotation(LookupAnnotation, (int)kind);
            builder.Property<string?>(ColumnOf(kind)).HasMaxLength(LookupHashLength);
        }

        return sealedProperty;
    }

    /// <summary>Puts the sealing converter on every property the configurations marked.</summary>
    public static void SealPersonalData(this ModelBuilder modelBuilder, PersonalDataProtector protector)
    {
        foreach (var property in SealedProperties(modelBuilder.Model))
        {
            var purpose = (string)property.FindAnnotation(SealedAnnotation)!.Value!;
            property.SetValueConverter(new ValueConverter<string, string>(
                clear => clear.Length == 0 ? clear : protector.Protect(clear, purpose),
                stored => protector.Unprotect(stored, purpose)));
        }
    }

    public static IEnumerable<IMutableProperty> SealedProperties(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.FindAnnotation(SealedAnnotation) is not null);

    public static IEnumerable<IProperty> SealedProperties(IEntityType entity) =>
        entity.GetProperties().Where(p => p.FindAnnotation(SealedAnnotation) is not null);

    public static string PurposeOf(IReadOnlyProperty property) => (string)property.FindAnnotation(SealedAnnotation)!.Value!;

    public static LookupKind? LookupOf(IReadOnlyProperty property) =>
        property.FindAnnotation(LookupAnnotation)?.Value is int kind ? (LookupKind)kind : null;
}
