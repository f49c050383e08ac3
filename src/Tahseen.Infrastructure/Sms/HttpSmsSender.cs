using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tahseen.Application.Common.Interfaces;

namespace Tahseen.Infrastructure.Sms;

/// <summary>
/// The operator's SMS gateway over HTTP. Any 2xx means the gateway took the message; anything else
/// throws, and the outbox retries later with the same reference, which the gateway deduplicates.
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(Guid reference, string mobileNumber, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            // A buffered body with a Content-Length: gateways do not all accept chunked requests.
            Content = new StringContent(
                JsonSerializer.Serialize(new GatewayMessage(mobileNumber, body, reference.ToString(), settings.SenderName), Json),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    private sealed record GatewayMessage(string To, string Body, string Reference, string Sender);
}
