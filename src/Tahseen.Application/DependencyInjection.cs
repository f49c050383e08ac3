using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Tahseen.Application.Common.Behaviours;
using Tahseen.Application.Common.Events;
using Tahseen.Application.Common.Interfaces;
using Tahseen.Application.Identity;

namespace Tahseen.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 (which ships no DI extension), every request handler, the pipeline
    /// behaviours in their declared order, and every FluentValidation validator of this assembly.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        services.AddScoped<UnitOfWork>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<Captchas>();
        services.AddScoped<SignInThrottles>();
        services.AddScoped<Sessions>();
        services.AddScoped<SecurityLog>();
        services.AddScoped<Staff.TicketAutoAssigner>();
        services.AddSingleton<Staff.SlaReader>();
        services.AddSingleton<Staff.PauseClocks>();
        services.AddScoped<Tickets.RequesterLimits>();
        services.AddScoped<AccountSessions>();
        services.AddSingleton<Common.Security.AccessCheckCache>();
        services.AddSingleton<IAccessChanges>(sp => sp.GetRequiredService<Common.Security.AccessCheckCache>());
        services.AddScoped<ServiceAccountCredentials>();

        foreach (var (service, implementation) in ClosedImplementationsOf(assembly, typeof(IRequestHandler<,>)))
        {
            services.AddTransient(service, implementation);
        }

        services.AddScoped<PasswordChecks>();
        foreach (var (service, implementation) in ClosedImplementationsOf(assembly, typeof(ICommandPreparation<>)))
        {
            services.AddScoped(service, implementation);
        }

        foreach (var (service, implementation) in ClosedImplementationsOf(assembly, typeof(IDomainEventConsumer<>)))
        {
            services.AddScoped(service, implementation);
        }

        foreach (var (service, implementation) in ClosedImplementationsOf(assembly, typeof(IValidator<>)))
        {
            services.AddSingleton(service, implementation);
        }

        var behaviours = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: true }
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>)))
            .OrderBy(t => t.GetCustomAttribute<PipelineOrderAttribute>()?.Order ?? int.MaxValue);
        foreach (var behaviour in behaviours)
        {
            services.AddTransient(typeof(IPipelineBehavior<,>), behaviour);
        }

        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> ClosedImplementationsOf(Assembly assembly, Type openInterface) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == openInterface
        select (service, type);
}
