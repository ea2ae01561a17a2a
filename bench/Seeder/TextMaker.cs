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
            var syllables = 1 + random.Next(3);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Consonants[random.Next(Consonants.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (random.Next(3) == 0)
                {
                    word.Append(Consonants[random.Next(Consonants.Length)]);
                }
            }

            words[i] = word.ToString();
        }
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

    private string Word() => words[random.Next(words.Length)];
}
