namespace Tahseen.Domain.Common;

/// <summary>The language a person reads what the service writes to them in; Arabic unless they choose English.</summary>
public enum Language
{
    Arabic = 1,
    English = 2,
}
