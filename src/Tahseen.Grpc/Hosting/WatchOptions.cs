namespace Tahseen.Grpc.Hosting;

/// <summary>Settings of server streams (section <c>Watch</c>).</summary>
public sealed class WatchOptions
{
    public const string SectionName = "Watch";

    /// <summary>Streams one account may hold open at once; each holds a connection slot and a buffer.</summary>
    public int MaxStreamsPerAccount { get; set; } = 5;

    /// <summary>Reads and checks the section; a bad value stops start-up with a message naming the setting.</summary>
    public static WatchOptions Read(IConfiguration configuration)
    {
        var options = new WatchOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"{SectionName}: {exception.InnerException?.Message ?? exception.Message}", exception);
        }

        if (options.MaxStreamsPerAccount is < 1 or > 1000)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(MaxStreamsPerAccount)} must be between 1 and 1000; it is {options.MaxStreamsPerAccount}.");
        }

        return options;
    }
}
