using System.ComponentModel;
using System.Globalization;

namespace Tahseen.Grpc.Hosting;

/// <summary>How configuration values are read, for every options class and every <c>GetValue</c>.</summary>
public static class Settings
{
    /// <summary>
    /// Container platforms and shell scripts write switches as <c>1</c>/<c>0</c>; the configuration
    /// binder's converter knows only <c>true</c>/<c>false</c>. This widens it once, for the process.
    /// </summary>
    public static void AcceptOneAndZeroAsBooleans() =>
        TypeDescriptor.AddAttributes(typeof(bool), new TypeConverterAttribute(typeof(OneOrZeroBooleanConverter)));

    private sealed class OneOrZeroBooleanConverter : BooleanConverter
    {
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            (value as string)?.Trim() switch
            {
                "1" => true,
                "0" => false,
                _ => base.ConvertFrom(context, culture, value),
            };
    }
}
