using MediatR;
using Tahseen.Application.Operations;
using Tahseen.Application.Common.Errors;
using Tahseen.Domain.Common;

namespace Tahseen.Grpc.Hosting;

/// <summary>
/// <c>create-admin --username U --mobile M [--full-name N]</c>: the first administrator of a
/// deployment. The password comes from standard input, never from the command line (which other
/// users of the machine can read in the process list). The password policy applies, and the
/// security log records the account as made from the console.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, HostCommand command, TextReader input, TextWriter output)
    {
        var username = command.Option("--username");
        var mobile = command.Option("--mobile");
        if (username is null || mobile is null)
        {
            await output.WriteLineAsync("usage: create-admin --username <username> --mobile <mobile> [--full-name <name>]  (password on standard input)");
            return 2;
        }

        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            await output.WriteAsync("Password: ");
        }

        var password = await input.ReadLineAsync() ?? string.Empty;
        await using var scope = services.CreateAsyncScope();
        try
        {
            var account = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateAdministratorCommand(username, password, command.Option("--full-name") ?? username, mobile));
            await output.WriteLineAsync($"Administrator {account.Username} created ({account.AccountId}); sign in with Login and the code sent to the mobile.");
            return 0;
        }
        catch (TahseenException exception)
        {
            await output.WriteLineAsync($"create-admin refused: {ErrorMessages.Get(exception.Reason.Code, ErrorMessages.English, [])}");
            foreach (var violation in exception.Violations)
            {
                await output.WriteLineAsync($"  {violation.Field}: {ErrorMessages.Get(violation.Reason.Code, ErrorMessages.English, violation.Arguments)}");
            }

            return 1;
        }
    }
}
