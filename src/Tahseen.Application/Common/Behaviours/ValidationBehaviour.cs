using FluentValidation;
using MediatR;
using Tahseen.Application.Common.Idempotency;
using Tahseen.Application.Common.Validation;
using Tahseen.Domain.Common;

namespace Tahseen.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request before the handler and reports all broken rules at once,
/// as one INVALID_ARGUMENT with a violation per rule. The request id of an idempotent command is
/// checked here for every such command alike: empty, or a UUID.
/// </summary>
[PipelineOrder(3)]
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var violations = new List<FieldViolation>();
        if (request is IIdempotentCommand { RequestId: { Length: > 0 } requestId } && !Guid.TryParse(requestId, out _))
        {
            violations.Add(new FieldViolation("request_id", ErrorReason.FieldInvalid));
        }

        var context = new ValidationContext<TRequest>(request);
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
