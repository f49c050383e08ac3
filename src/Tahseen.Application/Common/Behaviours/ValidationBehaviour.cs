using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request before the handler and reports all broken rules at once,
/// as one INVALID_ARGUMENT with a violation per rule.
/// </summary>
[PipelineOrder(3)]
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (_validators.Length == 0)
        {
            return await next();
        }

        var context = new ValidationContext<TRequest>(request);
        var violations = new List<FieldViolation>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            violations.AddRange(result.Errors.Select(ValidationRules.ToViolation));
        }

        if (violations.Count > 0)
        {
            throw new TahseenException(violations);
        }

        return await next();
    }
}
