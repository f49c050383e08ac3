using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Common.Security;
using Tahseen.Domain.Common;
using Tahseen.Domain.Identity;

namespace Tahseen.Architecture.Tests;

/// <summary>
/// The write path is one straight line: roles are declared on requests and checked by one behaviour,
/// every command runs in the unit of work's one transaction, and handlers only change aggregates.
/// </summary>
public sealed class PipelineRulesTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    private static readonly Type[] Requests = Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .ToArray();

    private static readonly Type[] Handlers = Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
        .ToArray();

    public static TheoryData<string> MachineAndDeskFeatures => new() { "Staff", "Admin", "Integration" };

    [Theory]
    [MemberData(nameof(MachineAndDeskFeatures))]
    public void Every_request_of_the_desk_admin_and_integration_services_declares_roles_that_exclude_citizens(string feature)
    {
        var requests = Requests.Where(t => t.Namespace == $"Tahseen.Application.{feature}").ToList();

        requests.Should().NotBeEmpty();
        foreach (var request in requests)
        {
            var declared = request.GetCustomAttribute<RequireRolesAttribute>();
            declared.Should().NotBeNull($"{request.Name} must declare the roles it needs");
            declared!.Roles.Should().NotBe(AccountRoles.None, request.Name);
            declared.Roles.HasFlag(AccountRoles.Citizen).Should().BeFalse($"{request.Name} is not for citizens");
        }
    }

    [Fact]
    public void Every_request_is_a_command_or_a_query_so_the_unit_of_work_knows_which_to_wrap()
    {
        Requests.Should().NotBeEmpty();
        Requests.Should().OnlyContain(t => t.Name.EndsWith("Command", StringComparison.Ordinal) || t.Name.EndsWith("Query", StringComparison.Ordinal));
        foreach (var command in Requests.Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal)))
        {
            var response = command.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var isCommand = typeof(UnitOfWorkBehaviour<,>).MakeGenericType(command, response).GetField(nameof(UnitOfWorkBehaviour<object, object>.IsCommand))!;
            ((bool)isCommand.GetValue(null)!).Should().BeTrue(command.Name);
        }
    }

    [Fact]
    public void The_unit_of_work_wraps_every_request_after_authorization_and_validation_and_idempotency_runs_inside_it()
    {
        var services = new ServiceCollection();
        services.AddApplication();

        var behaviours = services.Where(d => d.ServiceType == typeof(IPipelineBehavior<,>)).Select(d => d.ImplementationType!.Name).ToList();

        behaviours.Should().ContainInOrder(
            "LoggingBehaviour`2", "AuthorizationBehaviour`2", "ValidationBehaviour`2", "UnitOfWorkBehaviour`2", "IdempotencyBehaviour`2");
        behaviours[^1].Should().Be("IdempotencyBehaviour`2", "the claim and the answer belong to the command's own transaction");
    }

    public static TheoryData<string> ClientWriteFeatures => new() { "Tickets", "Staff", "Admin" };

    [Theory]
    [MemberData(nameof(ClientWriteFeatures))]
    public void Every_command_of_the_ticket_desk_and_admin_services_is_idempotent_by_request_id(string feature)
    {
        var commands = Requests
            .Where(t => t.Namespace == $"Tahseen.Application.{feature}" && t.Name.EndsWith("Command", StringComparison.Ordinal))
            .ToList();

        commands.Should().NotBeEmpty();
        commands.Should().OnlyContain(t => typeof(IIdempotentCommand).IsAssignableFrom(t), "a retried write must not run twice");
    }

    [Fact]
    public void No_handler_checks_a_role_or_refuses_a_caller_itself()
    {
        var forbidden = new MemberInfo[]
        {
            typeof(ErrorReason).GetField(nameof(ErrorReason.Forbidden))!,
            typeof(ErrorReason).GetField(nameof(ErrorReason.InsufficientScope))!,
            typeof(ICurrentUser).GetProperty(nameof(ICurrentUser.Roles))!.GetMethod!,
            typeof(ICurrentUser).GetProperty(nameof(ICurrentUser.Scopes))!.GetMethod!,
        };

        // The sandbox refuses when sandbox mode is off: a deployment switch, not a caller's role.
        var useCases = Handlers.Where(h => h.Namespace != "Tahseen.Application.Sandbox").ToList();
        useCases.Should().NotBeEmpty();
        foreach (var handler in useCases)
        {
            IntermediateLanguage.MembersTouchedBy(handler).Should().NotContain(forbidden, $"{handler.Name} must leave authorization to the declared roles");
        }
    }

    [Fact]
    public void Only_the_unit_of_work_begins_or_commits_a_transaction()
    {
        var transactionMembers = typeof(DatabaseFacade).GetMethods().Where(m => m.Name.StartsWith("BeginTransaction", StringComparison.Ordinal))
            .Concat(typeof(IDbContextTransaction).GetMethods().Where(m => m.Name.StartsWith("Commit", StringComparison.Ordinal)))
            .Cast<MemberInfo>()
            .ToList();
        transactionMembers.Should().NotBeEmpty();

        var strayers = Application.GetTypes()
            .Where(t => !t.IsNested && t != typeof(UnitOfWorkBehaviour<,>))
            .Where(t => IntermediateLanguage.MembersTouchedBy(t).Any(m => transactionMembers.Contains(m)))
            .Select(t => t.Name);

        strayers.Should().BeEmpty("a command commits once, in the unit of work");
        IntermediateLanguage.MembersTouchedBy(typeof(UnitOfWorkBehaviour<,>)).Should().Contain(m => transactionMembers.Contains(m), "the scan must see what it looks for");
    }

    [Fact]
    public void Only_the_unit_of_work_saves_or_undoes_so_no_handler_or_helper_commits_a_part_of_a_command()
    {
        var savingMembers = typeof(IApplicationDbContext).GetMethods().Where(m => m.Name.StartsWith("SaveChanges", StringComparison.Ordinal))
            .Concat(typeof(Microsoft.EntityFrameworkCore.DbContext).GetMethods().Where(m => m.Name.StartsWith("SaveChanges", StringComparison.Ordinal)))
            .Concat(typeof(IDbContextTransaction).GetMethods().Where(m => m.Name.Contains("Savepoint", StringComparison.Ordinal) || m.Name.StartsWith("Rollback", StringComparison.Ordinal)))
            .Cast<MemberInfo>()
            .ToList();
        var unitOfWork = new[] { typeof(UnitOfWorkBehaviour<,>), typeof(UnitOfWork) };

        var strayers = Application.GetTypes()
            .Where(t => !t.IsNested && !unitOfWork.Contains(t))
            .Where(t => IntermediateLanguage.MembersTouchedBy(t).Any(m => savingMembers.Contains(m)))
            .Select(t => t.Name);

        strayers.Should().BeEmpty("use cases write through UnitOfWork.WriteAsync and record failures with UnitOfWork.CommitThenFail");
        IntermediateLanguage.MembersTouchedBy(typeof(UnitOfWork)).Should().Contain(m => savingMembers.Contains(m), "the scan must see what it looks for");
    }

    [Fact]
    public void Failures_that_must_leave_a_record_say_so_through_the_unit_of_work()
    {
        var commitThenFail = typeof(UnitOfWork).GetMethod(nameof(UnitOfWork.CommitThenFail))!;

        var users = Application.GetTypes()
            .Where(t => !t.IsNested && IntermediateLanguage.MembersTouchedBy(t).Contains(commitThenFail))
            .Select(t => t.Name);

        users.Should().Contain(["LoginCommandHandler", "ChangePasswordCommandHandler", "RefreshSessionCommandHandler"]);
    }
}
