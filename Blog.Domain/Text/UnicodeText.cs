using System.Globalization;
using System.Text;

namespace Blog.Domain.Text;

/// <summary>What "characters" and "blank" mean for the text people write here.</summary>
public static class UnicodeText
{
    /// <summary>
    /// Characters as a reader counts them, and as JSON Schema's <c>maxLength</c> does: Unicode scalar values, so an
    /// emoji outside the Basic Multilingual Plane is one character, not two UTF-16 units.
    /// </summary>
    public static int CharacterCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>Blank means nothing a reader could see: white space, zero-width and other format characters count as nothing.</summary>
    public static bool IsBlank(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text holds a control character (NUL and the like); tabs and line breaks may be allowed.</summary>
    public static bool HasControlCharacter(string text, bool allowTabsAndLineBreaks = false)
    {
        foreach (var character in text)
        {
            if (char.IsControl(character) && !(allowTabsAndLineBreaks && character is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
        // Letters and symbols that fonts draw as nothing: the Hangul fillers and the blank Braille pattern.
        _ => rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800),
    };
}
