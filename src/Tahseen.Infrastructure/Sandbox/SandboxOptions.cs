using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Sandbox;

/// <summary>Configuration section "Sandbox". On in Development (appsettings.Development.json); Production refuses it.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; }
}

internal sealed class SandboxMode(IOptions<SandboxOptions> options) : ISandbox
{
    public bool Enabled => options.Value.Enabled;
}
