namespace Tahseen.Application.Common.Behaviours;

/// <summary>Where a pipeline behaviour stands: lower runs first (outermost).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PipelineOrderAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
