using Blog.Api.Validation;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace Blog.Api.OpenApi;

/// <summary>
/// Reads a FluentValidation validator's rules (through its descriptor) as limits per member, so that the
/// document says what the validators enforce and cannot drift from them.
/// </summary>
public static class ValidatorLimits
{
    /// <summary>The validator registered for <paramref name="validated"/>, if any.</summary>
    public static IValidator? For(Type validated, IServiceProvider services) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(validated)) as IValidator;

    /// <summary>Limits keyed by member name (as written in C#), rules of included validators too.</summary>
    public static IReadOnlyDictionary<string, MemberLimits> Read(IValidator validator, IServiceProvider services)
    {
        var limits = new Dictionary<string, MemberLimits>(StringComparer.OrdinalIgnoreCase);
        Collect(validator, services, limits);
        return limits;
    }

    private static void Collect(IValidator validator, IServiceProvider services, Dictionary<string, MemberLimits> limits)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            foreach (var component in rule.Components)
            {
                if (rule is IIncludeRule && component.Validator is IChildValidatorAdaptor child && Included(child.ValidatorType, services) is { } included)
                {
                    Collect(included, services, limits);
                }
                else if (rule.PropertyName is { } member)
                {
                    var memberLimits = limits.TryGetValue(member, out var found) ? found : limits[member] = new MemberLimits();
                    if (IsForEachItem(rule))
                    {
                        // A rule on each item says nothing of the list itself; only a list of allowed values is read.
                        memberLimits.ItemValues = (component.Validator as IOneOfValidator)?.Values ?? memberLimits.ItemValues;
                        continue;
                    }

                    var conditional = rule.HasCondition || rule.HasAsyncCondition || component.HasCondition || component.HasAsyncCondition;
                    Apply(memberLimits, component, conditional);
                }
            }
        }
    }

    private static bool IsForEachItem(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>
    /// A rule under a condition still documents its limits: the only conditions here are a merge patch's
    /// "when the member is present", and a limit on a member that is present is exactly what a schema states.
    /// </summary>
    private static void Apply(MemberLimits limits, IRuleComponent component, bool conditional)
    {
        switch (component.Validator)
        {
            case INotNullValidator or INotEmptyValidator:
                limits.NonNull = true;
                limits.Required |= !conditional;
                if (component.Validator is INotEmptyValidator)
                {
                    limits.MinLength ??= 1;
                }

                break;
            case ILengthValidator length:
                limits.MinLength = length.Min > 0 ? length.Min : limits.MinLength;
                limits.MaxLength = length.Max >= 0 ? length.Max : limits.MaxLength;
                break;
            case IRegularExpressionValidator regex:
                limits.Pattern = MemberLimits.ToEcmaPattern(regex.Expression);
                break;
            case IOneOfValidator oneOf:
                limits.Values = oneOf.Values;
                break;
            case IBetweenValidator between when component.Validator.Name == "InclusiveBetweenValidator":
                limits.Minimum = Convert.ToDecimal(between.From, System.Globalization.CultureInfo.InvariantCulture);
                limits.Maximum = Convert.ToDecimal(between.To, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }

    /// <summary>An included validator, as registered in DI under the type it validates.</summary>
    private static IValidator? Included(Type validatorType, IServiceProvider services)
    {
        var validated = validatorType.GetInterfaces()
            .FirstOrDefault(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IValidator<>))
            ?.GetGenericArguments()[0];
        return validated is null ? null : For(validated, services);
    }
}
