using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tahseen.Infrastructure.Tests.Gateways;

/// <summary>A real HTTP server on a free loopback port that answers each request as the test scripts it.</summary>
public sealed class LocalHttpListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private LocalHttpListener(WebApplication app) => _app = app;

    /// <summary>Every request received, in order: method, path, authorization header, declared length, body.</summary>
    public ConcurrentQueue<(string Method, string Path, string? Authorization, long? ContentLength, string Body)> Requests { get; } = new();

    /// <summary>What to answer once the script is used up.</summary>
    public Func<HttpContext, Task> Otherwise { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Task.CompletedTask;
    };

    public Uri Address { get; private set; } = null!;

    public static async Task<LocalHttpListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new LocalHttpListener(app);
        app.Run(listener.HandleAsync);
        await app.StartAsync();
        listener.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return listener;
    }

    /// <summary>Answers the next request this way (after the ones already scripted).</summary>
    public LocalHttpListener Then(Func<HttpContext, Task> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public LocalHttpListener ThenStatus(int status) => Then(context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    public LocalHttpListener ThenJson(string json, int status = StatusCodes.Status200OK) => Then(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), context.Request.ContentLength, body));
        var answer = _script.TryDequeue(out var next) ? next : Otherwise;
        try
        {
            await answer(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up waiting, which is what a hang test wants.
        }
    }
}
