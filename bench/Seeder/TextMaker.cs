using System.Text;

/// <summary>Deterministic filler text from a vocabulary without w, x, y, z, j or q.</summary>
internal sealed class TextMaker
{
    private const string Consonants = "bcdfghklmnprstv";
    private const string Vowels = "aeiou";

    private readonly Random random;
    private readonly string[] words;
    private readonly StringBuilder builder = new(1024);

    public TextMaker(int seed)
    {
        random = new Random(seed);
        words = new string[4096];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Word(random, 1 + random.Next(3));
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct words of two or three syllables from the same letters (so none contains w, x,
    /// y, z, j or q): valid tag names.
    /// </summary>
    public static string[] Names(int seed, int count)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(count);
        while (ordered.Count < count)
        {
            var name = Word(random, 2 + random.Next(2));
            if (names.Add(name))
            {
                ordered.Add(name);
            }
        }

        return [.. ordered];
    }

    public string Title()
    {
        builder.Clear();
        var count = 3 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var word = Word();
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(' ').Append(word);
            }
        }

        return builder.ToString();
    }

    /// <summary>About 60–120 words (roughly 400–800 characters), with the marker words at random places.</summary>
    public string Body(string? marker1, string? marker2)
    {
        builder.Clear();
        var count = 60 + random.Next(61);
        var at1 = marker1 is null ? -1 : random.Next(count);
        var at2 = marker2 is null ? -1 : random.Next(count);
        if (at2 >= 0 && at2 == at1)
        {
            at2 = (at1 + 1) % count;
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(i % 12 == 0 ? ". " : " ");
            }

            builder.Append(i == at1 ? marker1 : i == at2 ? marker2 : Word());
        }

        return builder.Append('.').ToString();
    }

    /// <summary><paramref name="minWords"/> to <paramref name="maxWords"/> words in sentences, without marker words.</summary>
    public string Text(int minWords, int maxWords)
    {
        builder.Clear();
        var count = minWords + random.Next(maxWords - minWords + 1);
        for (var i = 0; i < count; i++)
        {
            var word = Word();
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(i % 12 == 0 ? ". " : " ").Append(word);
            }
        }

        return builder.Append('.').ToString();
    }

    private static string Word(Random random, int syllables)
    {
        var word = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            word.Append(Consonants[random.Next(Consonants.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
            if (random.Next(3) == 0)
            {
                word.Append(Consonants[random.Next(Consonants.Length)]);
            }
        }

        return word.ToString();
    }

    private string Word() => words[random.Next(words.Length)];
}
