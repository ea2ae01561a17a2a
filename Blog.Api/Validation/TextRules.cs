using System.Globalization;
using Blog.Domain.Text;
using FluentValidation;
using FluentValidation.Validators;

namespace Blog.Api.Validation;

/// <summary>Rules for text people write, counted and judged as <see cref="UnicodeText"/> says.</summary>
public static class TextRules
{
    /// <summary>At most <paramref name="max"/> Unicode characters (a null passes: requiring a value is another rule).</summary>
    public static IRuleBuilderOptions<T, string?> MaximumCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.SetValidator(new CharacterCountValidator<T>(0, max));

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> Unicode characters.</summary>
    public static IRuleBuilderOptions<T, string?> CharacterCountBetween<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.SetValidator(new CharacterCountValidator<T>(min, max));

    public static IRuleBuilderOptions<T, string?> NotBlank<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !UnicodeText.IsBlank(text));

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, bool allowTabsAndLineBreaks = false) =>
        rule.Must(text => text is null || !UnicodeText.HasControlCharacter(text, allowTabsAndLineBreaks));

    /// <summary>
    /// The body of a post or a comment: required, not blank, no control characters but tabs and line breaks, at most
    /// <paramref name="max"/> characters. One error per member: the first rule it breaks.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> WrittenBody<T>(this IRuleBuilderInitial<T, string?> rule, int max) => rule
        .Cascade(CascadeMode.Stop)
        .NotNull().WithMessage("A body is required.")
        .NotBlank().WithMessage("The body must not be blank.")
        .NoControlCharacters(allowTabsAndLineBreaks: true).WithMessage("The body must not contain control characters other than tabs and line breaks.")
        .MaximumCharacters(max).WithMessage(string.Create(CultureInfo.InvariantCulture, $"The body must be at most {max:N0} characters."));
}

/// <summary>
/// FluentValidation's length rule counted in Unicode characters instead of UTF-16 units. As an
/// <see cref="ILengthValidator"/> it gives the OpenAPI document its <c>minLength</c>/<c>maxLength</c>, which JSON
/// Schema counts the same way.
/// </summary>
public sealed class CharacterCountValidator<T>(int min, int max) : PropertyValidator<T, string?>, ILengthValidator
{
    public override string Name => "CharacterCountValidator";

    public int Min => min;

    public int Max => max;

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || UnicodeText.CharacterCount(value) is var count && count >= min && count <= max;

    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName} must be " + min + " to " + max + " characters.";
}
