using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tahseen.Grpc.Tests.Infrastructure;

/// <summary>
/// Breaks a request on purpose: when the call carries <see cref="Header"/>, the first statement that
/// writes runs and then this throws, as a crash or a lost connection between two writes would.
/// </summary>
public sealed class FailAfterFirstWrite(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "x-test-fail-after-first-write";
    private const string FiredKey = "test.fail-after-first-write.fired";

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        FailIfArmed(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        FailIfArmed(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return ValueTask.FromResult(result);
    }

    private void FailIfArmed(DbCommand command)
    {
        var context = accessor.HttpContext;
        if (context is null || !context.Request.Headers.ContainsKey(Header) || context.Items.ContainsKey(FiredKey) || !Writes(command.CommandText))
        {
            return;
        }

        context.Items[FiredKey] = true;
        throw new InvalidOperationException("Forced failure after the first write.");
    }

    private static bool Writes(string sql)
    {
        var text = sql.TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }
}
