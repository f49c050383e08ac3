using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Infrastructure.CivilRegistry;

/// <summary>
/// The civil registry's HTTP service: <c>GET {Url}/persons/{nationalId}</c>. It fails closed: a
/// registry that times out, fails or answers something unreadable is UNAVAILABLE, never "not
/// found" and never "not eligible", so nobody is turned away or let in on a broken answer.
/// Answers (a person or a 404) are reused for a short while.
/// </summary>
public sealed partial class HttpCivilRegistry(
    HttpClient http, IOptions<CivilRegistryOptions> options, IMemoryCache cache, ILogger<HttpCivilRegistry> logger)
    : ICivilRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public async Task<CivilRecord?> FindAsync(NationalId nationalId, CancellationToken cancellationToken)
    {
        var key = (typeof(HttpCivilRegistry), nationalId.Value);
        if (cache.TryGetValue(key, out CivilRecord? cached))
        {
            return cached;
        }

        var record = await LookUpAsync(nationalId, cancellationToken);
        cache.Set(key, record, options.Value.Http.CacheDuration);
        return record;
    }

    private async Task<CivilRecord?> LookUpAsync(NationalId nationalId, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseOf(settings.Url!), $"persons/{nationalId.Value}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The civil registry answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var person = await response.Content.ReadFromJsonAsync<RegistryAnswer>(Json, cancellationToken);
            return ToRecord(person, nationalId);
        }
        catch (Exception exception) when (IsRegistryFailure(exception, cancellationToken))
        {
            LogUnavailable(exception.GetType().Name);
            throw new TahseenException(ErrorReason.CivilRegistryUnavailable);
        }
    }

    private static CivilRecord ToRecord(RegistryAnswer? person, NationalId asked)
    {
        if (person is not { NationalId: { } id, FullNameAr: { } nameAr, MobileNumber: { } mobile, Status: { } status }
            || id != asked.Value
            || !Enum.IsDefined(status)
            || !MobileNumber.TryParse(mobile, out var parsedMobile))
        {
            throw new InvalidDataException("The civil registry's answer is incomplete or is not about the identity asked for.");
        }

        return new CivilRecord(id, nameAr, person.FullNameEn ?? string.Empty, parsedMobile.Value, status);
    }

    private static bool IsRegistryFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            or JsonException or InvalidDataException or NotSupportedException or OperationCanceledException;

    // A base without a trailing slash would lose its last segment when "persons/..." is resolved against it.
    private static Uri BaseOf(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Civil registry unavailable ({Failure}); the caller gets UNAVAILABLE")]
    private partial void LogUnavailable(string failure);

    private sealed record RegistryAnswer(string? NationalId, string? FullNameAr, string? FullNameEn, string? MobileNumber, CivilStatus? Status);
}
