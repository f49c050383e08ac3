namespace Tahseen.Grpc.Hosting;

/// <summary>
/// What the process was started to do: serve (no command), or one operator command run against the
/// configured database and then exit. A command's own options are kept out of the host's
/// configuration; every other argument still configures the host (<c>--Kestrel:...</c>).
/// </summary>
public sealed record HostCommand(string Name, IReadOnlyDictionary<string, string> Options, string[] HostArgs)
{
    public const string Serve = "serve";
    public const string CreateAdmin = "create-admin";
    public const string Backup = "backup";
    public const string Migrate = "migrate";

    private static readonly Dictionary<string, string[]> OptionsOf = new(StringComparer.Ordinal)
    {
        [CreateAdmin] = ["--username", "--mobile", "--full-name"],
        [Backup] = ["--to"],
        [Migrate] = [],
    };

    public static HostCommand Parse(string[] args)
    {
        if (args.Length == 0 || !OptionsOf.TryGetValue(args[0], out var known))
        {
            return new HostCommand(Serve, new Dictionary<string, string>(), args);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (known.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        return new HostCommand(args[0], options, [.. hostArgs]);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);
}
