using FluentValidation;
using FluentValidation.Validators;

namespace Blog.Api.Validation;

/// <summary>A value from a fixed list; the OpenAPI document reads the list as the schema's <c>enum</c>.</summary>
public interface IOneOfValidator : IPropertyValidator
{
    IReadOnlyList<string> Values { get; }
}

public sealed class OneOfValidator<T>(IReadOnlyList<string> values) : PropertyValidator<T, string?>, IOneOfValidator
{
    public override string Name => "OneOfValidator";

    public IReadOnlyList<string> Values { get; } = values;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is not null && Values.Contains(value, StringComparer.Ordinal);

    protected override string GetDefaultMessageTemplate(string errorCode) => $"'{{PropertyName}}' must be one of: {string.Join(", ", Values)}.";
}

public static class OneOfRules
{
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values));
}
