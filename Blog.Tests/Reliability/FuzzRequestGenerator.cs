using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Blog.Tests.Reliability;

/// <summary>A registered user the generator may sign in as.</summary>
public sealed record FuzzUser(string Name, string Password, string WriteToken, string ReadToken);

/// <summary>
/// Real things taken from the running service for the generator to aim at, so that mutations start from ids,
/// ETags and cursor links the service really issued. The lists have a fixed length for a given setup, so a seed
/// always makes the same choices.
/// </summary>
public sealed record FuzzTargets(
    IReadOnlyList<FuzzUser> Users, IReadOnlyList<string> PostIds, IReadOnlyList<string> ETags, IReadOnlyList<string> PageLinks, string RevokedToken);

/// <summary>One generated request, exactly as it is sent.</summary>
public sealed record FuzzRequest(
    int Index,
    string Recipe,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[]? Body)
{
    private const int MaxShown = 2_000;

    public HttpRequestMessage ToHttpRequestMessage(Uri baseAddress)
    {
        // Like any client (and like Kestrel on the wire), Uri removes raw dot segments ('/a/../b' is sent as '/b');
        // percent-encoded ones ('%2e%2e', '%2F') and everything else reach the in-process server as generated.
        var uri = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + Url);
        var message = new HttpRequestMessage(new HttpMethod(Method), uri);
        if (Body is not null || ContentType is not null)
        {
            message.Content = new ByteArrayContent(Body ?? []);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                if (!message.Content.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new FormatException($"HttpClient refuses the header '{name}'.");
                }
            }
        }

        return message;
    }

    /// <summary>The request in a form that can be replayed by hand (or regenerated from the seed and index).</summary>
    public string Describe(int seed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Index} ({Recipe}; regenerate with BLOG_FUZZ_SEED={seed}, index {Index})\n");
        text.Append(CultureInfo.InvariantCulture, $"  {Escape(Method)} {Escape(Url)}\n");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {Escape(value)}\n");
        }

        if (ContentType is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Content-Type: {Escape(ContentType)}\n");
        }

        if (Body is null)
        {
            text.Append("  (no body)\n");
        }
        else if (TryStrictUtf8(Body, out var utf8))
        {
            text.Append(CultureInfo.InvariantCulture, $"  body ({Body.Length} bytes, UTF-8, C# escapes): {Escape(utf8)}\n");
        }
        else
        {
            var shown = Body.AsSpan(0, Math.Min(Body.Length, MaxShown));
            text.Append(CultureInfo.InvariantCulture, $"  body ({Body.Length} bytes, not UTF-8, base64{(shown.Length < Body.Length ? " of the first " + MaxShown : "")}): {Convert.ToBase64String(shown)}\n");
        }

        return text.ToString();
    }

    private static bool TryStrictUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Control and non-ASCII characters as C# escapes; long text cut, with its full length said.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > MaxShown ? value[..MaxShown] : value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' or (> '~' and < '\u00a0') or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        if (value.Length > MaxShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters in all)");
        }

        return text.ToString();
    }
}

/// <summary>
/// Makes request number <c>index</c> of a run from the seed alone (and the targets), so any one request can be
/// made again without the thousands before it.
/// </summary>
public sealed class FuzzRequestGenerator(FuzzTargets targets, int seed)
{
    public FuzzRequest Generate(int index) =>
        new Builder(new Random(unchecked((seed * 1_000_003) + index)), targets, index).Build();

    private enum Resource
    {
        Root,
        Posts,
        Post,
        Users,
        User,
        Me,
        Health,
        OpenApi,
        Junk,
    }

    private sealed class Builder(Random rng, FuzzTargets targets, int index)
    {
        private static readonly string[] Texts =
        [
            "hello", "Hello, world", " ", "\t\n", "héllo wörld", "🙂🙃", "مرحبا بالعالم", "zero\u200Bwidth", "<script>alert(1)</script>",
            "' OR 1=1 --", "%s%n%x", "nul\u0000byte", "{{7*7}}", "../../etc/passwd", "\u202Eright-to-left", "a", "x\r\ny",
            "\uFEFFbom", "fuzz needle", "NEEDLE", "\\", "\"", "null", "😀".PadRight(40, '.'),
        ];

        private readonly List<KeyValuePair<string, string>> headers = [];
        private readonly List<string> recipe = [];
        private string? postId;

        public FuzzRequest Build()
        {
            var method = Method();
            var resource = PickResource(method);
            Note($"resource:{resource}");
            var path = Path(resource);
            if (Chance(0.08))
            {
                path = MutatePath(path);
            }

            var query = Query(resource);
            Accept();
            Authorization(method);
            Conditions(method);
            IdempotencyKey(method);
            OtherHeader();
            var (contentType, body) = Content(method, resource);
            return new FuzzRequest(index, string.Join(' ', recipe), method, path + query, headers, contentType, body);
        }

        private bool Chance(double probability) => rng.NextDouble() < probability;

        private T Pick<T>(params T[] items) => items[rng.Next(items.Length)];

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private int Weighted(params int[] weights)
        {
            var roll = rng.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                if (roll < weights[i])
                {
                    return i;
                }

                roll -= weights[i];
            }

            return weights.Length - 1;
        }

        private string Note(string step)
        {
            recipe.Add(step);
            return step;
        }

        private string RandomString(int length, string alphabet) =>
            string.Create(length, (rng, alphabet), (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.rng.Next(state.alphabet.Length)];
                }
            });

        private string RandomUnicode(int length)
        {
            var text = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                var c = Weighted(5, 3, 2, 1, 1) switch
                {
                    0 => (char)rng.Next(0x20, 0x7f),
                    1 => (char)rng.Next(0xa0, 0x800),
                    2 => (char)rng.Next(0x800, 0xd800),
                    3 => (char)rng.Next(0, 0x20),
                    _ => (char)rng.Next(0xd800, 0xe000), // a lone surrogate
                };
                text.Append(c);
            }

            return text.ToString();
        }

        private string Method()
        {
            // The last, a token HttpClient refuses to send, is kept to about 1 in 300.
            var method = Weighted(90, 60, 30, 30, 24, 18, 12, 6, 3, 24, 1) switch
            {
                0 => "GET",
                1 => "POST",
                2 => "PUT",
                3 => "PATCH",
                4 => "DELETE",
                5 => "HEAD",
                6 => "OPTIONS",
                7 => "TRACE",
                8 => "CONNECT",
                9 => Pick("get", "post", "Patch", "PROPFIND", "MKCOL", "FOO", "M-SEARCH", "PURGE", "BREW", "GETS", "X-METHOD_1~!", new string('X', 1 + rng.Next(200))),
                _ => Pick("GET /", "PO ST", "G\u00c9T", "DELETE\r\n", "(GET)"),
            };
            Note($"method:{(method.Length > 20 ? "long" : method)}");
            return method;
        }

        private Resource PickResource(string method) => method switch
        {
            "POST" => Pick(Resource.Posts, Resource.Posts, Resource.Posts, Resource.Posts, Resource.Users, Resource.Users, Resource.Post, Resource.Me, Resource.Root, Resource.Junk),
            "PUT" or "PATCH" or "DELETE" => Pick(Resource.Post, Resource.Post, Resource.Post, Resource.Post, Resource.Post, Resource.Posts, Resource.User, Resource.Me, Resource.Junk),
            _ => (Resource)Weighted(6, 20, 20, 8, 8, 6, 5, 1, 8),
        };

        private string Path(Resource resource) => resource switch
        {
            Resource.Root => Pick("/", "/", "/", "//", "/.", "/%2F", "/%2e"),
            Resource.Posts => Pick("/posts", "/posts", "/posts", "/posts", "/posts/", "/POSTS", "/Posts", "//posts", "/posts/.", "/posts;x=1", "/posts%2F", "/posts.json", "/./posts", "/users/../posts", "/posts/%20"),
            Resource.Post => "/posts/" + PostId() + (Chance(0.05) ? Pick("/", "/x", "/..", "/posts", "%20", ".json") : "")
                + (Chance(0.15) ? Note(Pick("/revisions", "/revisions/1", "/revisions/2", "/revisions/0", "/revisions/-1", "/revisions/99999999999999999999", "/comments")) : ""),
            Resource.Users => Pick("/users", "/users", "/users", "/users/", "/USERS", "//users", "/users/."),
            Resource.User => "/users/" + Username(),
            Resource.Me => Pick(
                "/me", "/me", "/me", "/me/", "/ME", "/me/posts", "/me/posts?status=draft", "/me/posts?status=scheduled", "/me/posts?status=x",
                "/me/..", "/me/tokens", "/me/tokens", "/me/tokens/" + Pick(targets.PostIds), "/me/tokens/x"),
            Resource.Health => Pick("/health", "/health", "/health", "/health/", "/HEALTH", "/health/ready", "/health%01"),
            Resource.OpenApi => Pick("/swagger/v1/swagger.json", "/swagger", "/swagger/v2/swagger.json", "/swagger/v1/swagger.json/", "/swagger/%2e%2e/swagger.json"),
            _ => JunkPath(),
        };

        private string PostId()
        {
            var real = Pick(targets.PostIds);
            if (Chance(0.55))
            {
                Note("id:real");
                postId = real;
                return real;
            }

            var guid = Guid.Parse(real);
            var choice = rng.Next(20);
            Note($"id:mutated{choice}");
            return choice switch
            {
                0 => Flip(real),
                1 => real.ToUpperInvariant(),
                2 => guid.ToString("N"),
                3 => guid.ToString("B"),
                4 => guid.ToString("P"),
                5 => real[..rng.Next(real.Length)],
                6 => real + Pick("0", "-", "x", "%01", "ff"),
                7 => Guid.Empty.ToString(),
                8 => Guid.NewGuid().ToString(),
                9 => "not-a-guid",
                10 => "-1",
                11 => "99999999999999999999999999999999999999",
                12 => new string('f', 32 + rng.Next(5000)),
                13 => real.Replace('-', '_'),
                14 => "%7B" + real + "%7D",
                15 => Uri.EscapeDataString("٠١٢٣٤٥٦٧-٠١٢٣-٠١٢٣-٠١٢٣-٠١٢٣٤٥٦٧٨٩٠١"),
                16 => "(" + real + ")",
                17 => "0x" + guid.ToString("N"),
                18 => "{0x00000000,0x0000,0x0000,{0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00}}",
                _ => " " + real,
            };
        }

        private string Flip(string text)
        {
            var chars = text.ToCharArray();
            var at = rng.Next(chars.Length);
            chars[at] = Pick('0', 'f', 'g', 'Z', '-', '~', '.', '!');
            return new string(chars);
        }

        private string Username()
        {
            var real = Pick(targets.Users).Name;
            var choice = rng.Next(14);
            Note($"user:{choice}");
            return choice switch
            {
                < 4 => real,
                4 => real.ToUpperInvariant(),
                5 => real + "x",
                6 => "nobody-" + rng.Next(1000),
                7 => new string('u', 33),
                8 => new string('u', 1000 + rng.Next(9000)),
                9 => Uri.EscapeDataString(RandomUnicode(1 + rng.Next(20))),
                10 => "%2e%2e",
                11 => real + "%2F..%2F",
                12 => Uri.EscapeDataString("ünïcødé-用户"),
                _ => "a",
            };
        }

        /// <summary>
        /// Paths nothing routes to. A NUL ('%00') is left out of paths on purpose: the in-process client cannot carry
        /// it (Kestrel answers such a request line 400 before the service sees it); queries still get it.
        /// </summary>
        private string JunkPath()
        {
            var choice = rng.Next(24);
            Note($"junkpath:{choice}");
            return choice switch
            {
                0 => "/" + new string('a', 1000 + rng.Next(9000)),
                1 => "/posts/" + RandomString(200 + rng.Next(2000), "abcdef0123456789-"),
                2 => "/%ZZ",
                3 => "/%",
                4 => "/%01%7F",
                5 => "/%2e%2e/%2e%2e/etc/passwd",
                6 => "/..",
                7 => "/../../..",
                8 => "/posts/%2e%2e",
                9 => "/" + Uri.EscapeDataString("ünïcødé/🙂"),
                10 => "/%F0%9F%99%82",
                11 => "/%C3%28",
                12 => "/%ED%A0%80",
                13 => "/" + Uri.EscapeDataString(RandomUnicode(1 + rng.Next(50))),
                14 => "/%5Cposts",
                15 => string.Concat(Enumerable.Range(0, 50 + rng.Next(300)).Select(i => "/s" + i)),
                16 => "/posts/" + Pick(targets.PostIds) + "/comments",
                17 => "/users/" + Pick(targets.Users).Name + "/posts",
                18 => "/.well-known/security.txt",
                19 => "/index.html",
                20 => "/posts%3Fsize=1",
                21 => "/" + RandomString(1 + rng.Next(40), "abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@"),
                22 => "/api/posts",
                _ => "/posts/%u0041",
            };
        }

        private string MutatePath(string path)
        {
            var choice = rng.Next(8);
            Note($"pathmutation:{choice}");
            return choice switch
            {
                0 => path.ToUpperInvariant(),
                1 => path + "/",
                2 => path.Replace("/", "//", StringComparison.Ordinal),
                3 => path + "/..",
                4 => path + "%20",
                5 => path.Length > 1 ? path.Insert(1 + rng.Next(path.Length - 1), "%2F") : path,
                6 => path + "/./",
                _ => path + ";jsessionid=1",
            };
        }

        private string Query(Resource resource)
        {
            var isCollection = resource is Resource.Posts or Resource.Users;
            if (!Chance(isCollection ? 0.65 : 0.08))
            {
                return string.Empty;
            }

            if (isCollection && Chance(0.25))
            {
                return WholeLink();
            }

            var parts = Enumerable.Range(0, 1 + rng.Next(4)).Select(_ => QueryPart()).ToList();
            return "?" + string.Join(Pick("&", "&", "&", "&&", ";"), parts);
        }

        /// <summary>The query of a next/prev/self link the service issued, as it is or mutated.</summary>
        private string WholeLink()
        {
            var link = Pick(targets.PageLinks);
            var query = link.Contains('?', StringComparison.Ordinal) ? link[link.IndexOf('?', StringComparison.Ordinal)..] : "?";
            var choice = rng.Next(8);
            Note($"link:{choice}");
            return choice switch
            {
                < 3 => query,
                3 => Flip(query),
                4 => query[..rng.Next(1, query.Length + 1)],
                5 => query + "&" + QueryPart(),
                6 => query + query.Replace('?', '&'),
                _ => Uri.UnescapeDataString(query),
            };
        }

        private string QueryPart()
        {
            var choice = rng.Next(5);
            return choice switch
            {
                0 => "size=" + SizeValue(),
                1 => "cursor=" + CursorValue(),
                2 => "author=" + AuthorValue(),
                3 => "q=" + SearchValue(),
                _ => OddParameter(),
            };
        }

        private string SizeValue() => Note("size:" + Pick(
            "20", "1", "100", "0", "-1", "101", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "abc", "",
            "1.5", "1e2", "0x10", "%2B5", "+5", "%205", "%EF%BC%95", "null", "true", "%5B%5D", "5%00", "1_000", "٣"))[5..];

        private string CursorValue()
        {
            var link = Pick(targets.PageLinks);
            var at = link.IndexOf("cursor=", StringComparison.Ordinal);
            var real = at < 0 ? "AAAA" : link[(at + 7)..].Split('&')[0];
            var choice = rng.Next(14);
            Note($"cursor:{choice}");
            return choice switch
            {
                < 3 => real,
                3 => Flip(real),
                4 => real[..rng.Next(real.Length)],
                5 => real + real,
                6 => real + "%3D",
                7 => real.ToLowerInvariant(),
                8 => Convert.ToBase64String(Encoding.UTF8.GetBytes(RandomUnicode(10 + rng.Next(100)))).Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal),
                9 => new string('A', 513),
                10 => "",
                11 => "null",
                12 => Uri.EscapeDataString(RandomUnicode(1 + rng.Next(30))),
                _ => RandomString(1 + rng.Next(600), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            };
        }

        private string AuthorValue()
        {
            var real = Pick(targets.Users).Name;
            var choice = rng.Next(10);
            Note($"author:{choice}");
            return choice switch
            {
                < 3 => real,
                3 => real.ToUpperInvariant(),
                4 => "nobody",
                5 => "",
                6 => new string('a', 33),
                7 => new string('a', 1000 + rng.Next(5000)),
                8 => Uri.EscapeDataString(RandomUnicode(1 + rng.Next(20))),
                _ => Pick("%00", "*", "%25", "%", "'", "a%20b"),
            };
        }

        private string SearchValue()
        {
            var choice = rng.Next(14);
            Note($"q:{choice}");
            return choice switch
            {
                < 2 => "needle",
                12 => Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("the", 50))),
                13 => Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 40).Select(_ => Pick("the", "of", "and", "a", "to", "in", "is")))),
                2 => "",
                3 => Pick("%25", "_", "%5C", "'", "%22", "%27%20OR%201%3D1%20--", "[", "*", "%00", "%FF", "%C3%28", "%"),
                4 => new string('q', 200),
                5 => new string('q', 201),
                6 => new string('q', 5000 + rng.Next(10000)),
                7 => Uri.EscapeDataString(RandomUnicode(1 + rng.Next(200))),
                8 => Uri.EscapeDataString(Pick(Texts)),
                9 => "a&q=b",
                10 => Uri.EscapeDataString("🙂"),
                _ => "NEEDLE",
            };
        }

        private string OddParameter() => Note("param:" + Pick(
            "foo=bar", "size", "=", "", "cursor", "size[]=1", "SIZE=5", "Size=2", "q=a&q=b", "size=1&size=2", "author", "%00=%00",
            "a=" + new string('x', 3000), "q", "cursor=&cursor=", "_links=1", "size=%201%20"))[6..];

        private void Accept()
        {
            if (!Chance(0.35))
            {
                return;
            }

            headers.Add(new("Accept", Note("accept:" + Pick(
                "*/*", "application/json", "application/hal+json", "application/problem+json", "application/xml", "text/html",
                "text/plain", "application/*", "text/*", "application/json;q=0", "application/json;q=0.5, application/hal+json;q=0.9",
                "application/hal+json;q=0", "*/*;q=0", "application/json;q=abc", "garbage", "//", ";;;", "application/json, application/xml",
                "", "application/json; charset=utf-16", "application/merge-patch+json", string.Join(", ", Enumerable.Repeat("text/x-junk", 500)),
                "application/json;q=1.5", "application/json;q=-1", "*/json", "application/hal+json; profile=\"x\"", "\u00e9/\u00e9"))[7..]));
        }

        private void Authorization(string method)
        {
            var isWrite = method is "POST" or "PUT" or "PATCH" or "DELETE";
            // Kind 2 makes the service run PBKDF2 (a failed check is not remembered, ~150 ms of CPU), so it is about 1 in 200.
            var kind = isWrite ? Weighted(60, 104, 1, 34) : Weighted(144, 34, 1, 20);
            var user = Pick(targets.Users);
            switch (kind)
            {
                case 0:
                    Note("auth:none");
                    return;
                case 1:
                    headers.Add(new("Authorization", Note(Pick("auth:valid", "auth:valid", "auth:bearer-write", "auth:bearer-read")) switch
                    {
                        "auth:bearer-write" => "Bearer " + user.WriteToken,
                        "auth:bearer-read" => "Bearer " + user.ReadToken,
                        _ => Basic($"{user.Name}:{user.Password}"),
                    }));
                    return;
                case 2:
                    // PBKDF2 runs for each of these (failures are not remembered), so they are kept rare.
                    headers.Add(new("Authorization", Note(Pick("auth:wrong-password", "auth:unknown-user", "auth:upper-case-name", "auth:empty-password")) switch
                    {
                        "auth:wrong-password" => Basic($"{user.Name}:{user.Password}x"),
                        "auth:unknown-user" => Basic($"nobody{rng.Next(100)}:{user.Password}"),
                        "auth:upper-case-name" => Basic($"{user.Name.ToUpperInvariant()}:{user.Password}"),
                        _ => Basic($"{user.Name}:"),
                    }));
                    return;
            }

            var choice = rng.Next(24);
            Note($"auth:garbage{choice}");
            headers.Add(new("Authorization", choice switch
            {
                18 => "Bearer " + targets.RevokedToken,
                19 => "Bearer blog_" + RandomString(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                20 => "Bearer " + user.WriteToken + Pick("x", "=", " ", "\u00e9"),
                21 => "bEARER " + user.ReadToken,
                22 => "Bearer " + user.WriteToken[..rng.Next(user.WriteToken.Length)],
                23 => Pick("Bearer", "Bearer ", "Bearer blog_", "Bearer " + new string('b', 20_000), "Bearer " + user.Password),
                0 => "Basic",
                1 => "Basic ",
                2 => "Basic !!!!",
                3 => Basic("nocolon"),
                4 => Basic(":" + user.Password),
                5 => Basic(":"),
                6 => "Bearer abc.def.ghi",
                7 => "Digest username=\"x\"",
                8 => "basic " + Basic($"{user.Name}:{user.Password}")[6..],
                9 => "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0x41, 0xC3, 0x28]),
                10 => Basic($"{user.Name}:{user.Password}").TrimEnd('='),
                11 => "Basic " + new string('A', 4 * (1000 + rng.Next(20000))),
                12 => "Basic a b c",
                13 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RandomUnicode(1 + rng.Next(40)).Replace(':', ';'))),
                14 => "Basic =",
                15 => "Basic " + Basic($"{user.Name}:{user.Password}")[6..] + "\u00e9",
                16 => "\u00e9",
                _ => "",
            }));
            if (choice == 2 && Chance(0.5))
            {
                headers.Add(new("Authorization", Basic($"{user.Name}:{user.Password}")));
            }
        }

        private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        private void Conditions(string method)
        {
            var isWrite = method is "PUT" or "PATCH" or "DELETE";
            if (Chance(isWrite ? 0.3 : 0.03))
            {
                headers.Add(new("If-Match", EntityTag("if-match")));
            }

            if (Chance(method is "GET" or "HEAD" ? 0.2 : isWrite ? 0.1 : 0.03))
            {
                headers.Add(new("If-None-Match", EntityTag("if-none-match")));
            }

            if (Chance(isWrite ? 0.1 : 0.02))
            {
                headers.Add(new("If-Unmodified-Since", Note("if-unmodified-since:" + Pick(
                    DateTimeOffset.UtcNow.AddDays(1).ToString("R", CultureInfo.InvariantCulture),
                    "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "garbage", "", "Sunday, 06-Nov-94 08:49:37 GMT",
                    "Sun Nov  6 08:49:37 1994", "Thu, 01 Jan 1970 00:00:00 GMT, Thu, 01 Jan 1970 00:00:00 GMT"))[20..]));
            }
        }

        private string EntityTag(string header)
        {
            var id = Guid.Parse(postId ?? Pick(targets.PostIds)).ToString("N");
            var choice = rng.Next(20);
            Note($"{header}:{choice}");
            return choice switch
            {
                < 3 => Pick(targets.ETags),
                3 => $"\"{id}-1\"",
                4 => "*",
                5 => "\"garbage\"",
                6 => "garbage",
                7 => "W/\"" + id + "-1\"",
                8 => "\"\"",
                9 => $"\"{id}-0\"",
                10 => $"\"{id}-99999999999999999999\"",
                11 => $"\"{id}--1\"",
                12 => $"\"{id}-\"",
                13 => $"\"{id}-1\", \"{id}-2\", W/\"x\"",
                14 => Pick("*, \"a\"", "\"bogus\", *", "*, *", $"\"{id}-008\"", $"\"{id}-1\" *"),
                15 => "\"" + new string('e', 5000) + "\"",
                16 => ",,,",
                17 => "\"unterminated",
                18 => $"\"{id}-\u0661\"",
                _ => $"\"{id}-+1\"",
            };
        }

        private void IdempotencyKey(string method)
        {
            if (!Chance(method == "POST" ? 0.3 : 0.02))
            {
                return;
            }

            var choice = rng.Next(14);
            Note($"idempotency:{choice}");
            headers.Add(new("Idempotency-Key", choice switch
            {
                < 4 => "fuzz-" + rng.Next(int.MaxValue).ToString("x", CultureInfo.InvariantCulture) + "-" + index,
                4 or 5 => "fuzz-shared-" + rng.Next(5),
                6 => "",
                7 => " ",
                8 => new string('k', 200),
                9 => new string('k', 201),
                10 => "key with spaces",
                11 => "ключ",
                12 => "key\u0001\u007f",
                _ => new string('k', 10_000),
            }));
        }

        private void OtherHeader()
        {
            if (!Chance(0.15))
            {
                return;
            }

            var choice = rng.Next(36);
            Note($"header:{choice}");
            headers.Add(choice switch
            {
                28 => new("X-Forwarded-For", Pick("203.0.113.5", "203.0.113.5, 10.0.0.1", "::1", "[2001:db8::1]:443", "unknown", "", ", ,", "1.2.3.4:99999")),
                29 => new("X-Forwarded-For", string.Join(", ", Enumerable.Range(0, 1 + rng.Next(300)).Select(i => $"198.51.100.{i % 256}"))),
                30 => new("X-Forwarded-Proto", Pick("https", "HTTPS", "https, http", "", "javascript")),
                31 => new("X-Forwarded-Host", Pick("blog.example", "blog.example:8443", "a b", "evil.example, blog.example", "", "[::1]:80")),
                32 => new("Forwarded", "for=203.0.113.5;proto=https;host=evil.example"),
                33 => new("traceparent", Pick("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "00-00000000000000000000000000000000-0000000000000000-00", "garbage", "ff-" + new string('a', 5000))),
                34 => new("tracestate", new string('t', 8000)),
                35 => new("baggage", "k=" + new string('v', 8000)),
                0 => new("Host", "evil.example"),
                1 => new("Host", "localhost:99999"),
                2 => new("Host", "[::1]"),
                3 => new("Host", "a b"),
                4 => new("Host", "ünï.example"),
                5 => new("Host", "localhost:abc"),
                6 => new("Host", "example.com\"<script>"),
                7 => new("Host", new string('h', 5000)),
                8 => new("X-Forwarded-Host", "evil.example"),
                9 => new("X-Forwarded-Proto", "gopher"),
                10 => new("X-Forwarded-For", "not-an-ip"),
                11 => new("Expect", "100-continue"),
                12 => new("Range", "bytes=0-10"),
                13 => new("Content-Encoding", "gzip"),
                14 => new("Cookie", "a=b; ; =;"),
                15 => new("X-HTTP-Method-Override", "DELETE"),
                16 => new("Origin", "null"),
                17 => new("If-Modified-Since", "garbage"),
                18 => new("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"),
                19 => new("If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"),
                20 => new("If-Range", "\"x\""),
                21 => new("Accept-Charset", "utf-7"),
                22 => new("Accept-Encoding", "gzip, br, *;q=0"),
                23 => new("Accept-Language", "xx;q=abc"),
                24 => new("Max-Forwards", "0"),
                25 => new("X-Big", new string('b', 16_000)),
                26 => new("Content-Language", "\u00e9"),
                _ => new("Content-Range", "bytes 0-1/2"),
            });
        }

        private (string? ContentType, byte[]? Body) Content(string method, Resource resource)
        {
            var takesBody = method is "POST" or "PUT" or "PATCH";
            if (!Chance(takesBody ? 0.93 : 0.06))
            {
                return Chance(0.05) ? (ContentType(method), null) : (null, null);
            }

            var body = Body(method, resource);
            return (Chance(0.03) ? null : ContentType(method), body);
        }

        private string ContentType(string method)
        {
            if (Chance(0.72))
            {
                return method == "PATCH"
                    ? Note(Pick("ct:merge-patch", "ct:merge-patch", "ct:merge-patch-utf8")) == "ct:merge-patch" ? "application/merge-patch+json" : "application/merge-patch+json; charset=utf-8"
                    : Note(Pick("ct:json", "ct:json", "ct:json-utf8", "ct:hal")) switch
                    {
                        "ct:json" => "application/json",
                        "ct:json-utf8" => "application/json; charset=utf-8",
                        _ => "application/hal+json",
                    };
            }

            return Note("ct:" + Pick(
                "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset=garbage",
                "application/json; charset=\"utf-8\"", "application/json;;", "application/json; foo", "APPLICATION/JSON",
                "application/hal+json", "application/merge-patch+json", "application/problem+json", "application/vnd.api+json",
                "text/json", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=x", "application/octet-stream", "*/*", "application/*", "garbage", "", "/", ";",
                "application/json, text/plain", "application/json; charset=utf-7", "application/json; charset=utf-32",
                "application/json; charset=", "application/json; q=0", "application/" + new string('j', 3000), "\u00e9/json"))[3..];
        }

        private byte[] Body(string method, Resource resource)
        {
            if (resource == Resource.Users && Chance(0.7))
            {
                return Utf8(Registration());
            }

            var choice = Weighted(28, 6, 8, 5, 6, 7, 5, 3, 4, 3, 5, 4, 4, 4, 3, 3, 1, 3, 2);
            Note($"body:{choice}");
            return choice switch
            {
                0 => Utf8(method == "PATCH" ? Patch() : Post()),
                1 => Utf8(WithExtras()),
                2 => Truncated(),
                3 => Utf8(DeepNesting()),
                4 => Utf8(WrongTypes()),
                5 => Utf8(Pick("null", "true", "false", "123", "-0", "1e999", "\"a string\"", "[]", "[{\"title\":\"t\",\"body\":\"b\"}]", "{}", "[[]]", "0.0000001")),
                6 => Utf8(HugeStrings()),
                7 => RandomBytes(),
                8 => NotUtf8(),
                9 => Bom(),
                10 => Utf8(BadEscapes()),
                11 => Utf8(Pick("{\"title\":1e999,\"body\":\"b\"}", "{\"title\":123456789012345678901234567890,\"body\":-0}", "{\"title\":NaN,\"body\":Infinity}", "{\"title\":0x10,\"body\":\"b\"}")),
                12 => Utf8(Pick("{\"title\":\"a\",\"title\":\"b\",\"body\":\"c\"}", "{\"Title\":\"a\",\"BODY\":\"b\"}", "{\"title\":\"a\",\"body\":\"b\",\"title\":null}", "{\"\":\"\",\"body\":\"b\"}")),
                13 => Utf8(Pick("{\"title\":\"a\",/*c*/\"body\":\"b\"}", "{\"title\":\"a\",\"body\":\"b\",}", "{'title':'a','body':'b'}", "{title:\"a\",body:\"b\"}", "{\"title\":\"a\" \"body\":\"b\"}")),
                14 => Utf8(Pick("", " ", "\n\t\r ", "\u0000", "{", "}", "\"", "[", "{\"title\"")),
                15 => Utf8("title=" + Uri.EscapeDataString(Pick(Texts)) + "&body=b"),
                16 => Utf8("{" + string.Join(",", Enumerable.Range(0, 1000 + rng.Next(20_000)).Select(i => $"\"k{i}\":{i}")) + ",\"title\":\"t\",\"body\":\"b\"}"),
                17 => Utf8(Registration()),
                _ => Utf8("[" + string.Join(",", Enumerable.Range(0, 1000 + rng.Next(50_000)).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]"),
            };
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        private string Text() => Chance(0.7) ? Pick(Texts) : RandomUnicode(1 + rng.Next(60));

        private string Post() => Chance(0.5)
            ? JsonSerializer.Serialize(new { title = Text(), body = Text() })
            : JsonSerializer.Serialize(WithPublishing(new Dictionary<string, object?> { ["title"] = Text(), ["body"] = Text() }));

        private string Patch() => Pick(
            JsonSerializer.Serialize(new { title = Text() }),
            JsonSerializer.Serialize(new { body = Text() }),
            JsonSerializer.Serialize(new { title = Text(), body = Text() }),
            JsonSerializer.Serialize(WithPublishing([])),
            JsonSerializer.Serialize(WithPublishing(new Dictionary<string, object?> { ["title"] = Text() })),
            "{\"title\":null}",
            "{\"body\":null}",
            "{\"tags\":null}",
            "{\"status\":null}",
            "{\"publishedDate\":null}",
            "{\"status\":\"draft\",\"publishedDate\":null}",
            "{}",
            "{\"authorName\":\"someone\"}");

        /// <summary>Some of the v2 members (tags, status, publishedDate), each valid or not.</summary>
        private Dictionary<string, object?> WithPublishing(Dictionary<string, object?> members)
        {
            if (Chance(0.6))
            {
                members["tags"] = Note(Pick("tags:ok", "tags:mixed-case", "tags:empty", "tags:null", "tags:eleven", "tags:bad", "tags:not-strings", "tags:string", "tags:long")) switch
                {
                    "tags:ok" => new[] { "dotnet", "http" },
                    "tags:mixed-case" => new[] { " DotNet ", "dotnet", "HTTP" },
                    "tags:empty" => Array.Empty<string>(),
                    "tags:null" => null,
                    "tags:eleven" => Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray(),
                    "tags:bad" => new[] { Text() },
                    "tags:not-strings" => new object?[] { 1, null, true },
                    "tags:string" => "dotnet",
                    _ => new[] { new string('a', 33) },
                };
            }

            if (Chance(0.5))
            {
                members["status"] = Pick<object?>("draft", "published", "published", "scheduled", "DRAFT", "", null, 1);
            }

            if (Chance(0.4))
            {
                members["publishedDate"] = Pick<object?>(
                    "2030-01-01T00:00:00Z", "2000-01-01T00:00:00.123Z", "2026-11-26T10:00:00+05:00", "0001-01-01T00:00:00+05:00",
                    "9999-12-31T23:59:59.9999999-05:00", "9999-12-31T23:59:59.9999999Z", "not a date", "", 0, null);
            }

            return members;
        }

        private string WithExtras() => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["title"] = Text(),
            ["body"] = Text(),
            ["id"] = Pick<object?>(Guid.Empty, "x", 5, null, Pick(targets.PostIds)),
            ["authorName"] = Pick<object?>("admin", null, 1),
            ["postedDate"] = Pick<object?>("1970-01-01T00:00:00Z", "not a date", 0, "9999-12-31T23:59:59.9999999Z"),
            ["_links"] = Pick<object?>(null, "x", new { self = new { href = "http://evil/" } }),
            ["version"] = Pick<object?>(-1, long.MaxValue, "1"),
        });

        private byte[] Truncated()
        {
            var valid = Utf8(Chance(0.5) ? WithExtras() : Post());
            return valid[..rng.Next(valid.Length)];
        }

        private string DeepNesting()
        {
            var depth = Pick(10, 63, 64, 65, 100, 1000, 10_000, 100_000);
            var shape = rng.Next(3);
            Note($"depth:{depth}/{shape}");
            return shape switch
            {
                0 => new string('[', depth) + new string(']', depth),
                1 => "{\"title\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + ",\"body\":\"b\"}",
                _ => new string('[', depth),
            };
        }

        private string WrongTypes()
        {
            var odd = Pick("1", "true", "[]", "{}", "null", "[\"a\"]", "{\"a\":1}", "1.5", "\"\"");
            return Pick(
                $"{{\"title\":{odd},\"body\":\"b\"}}",
                $"{{\"title\":\"t\",\"body\":{odd}}}",
                $"{{\"title\":{odd},\"body\":{odd}}}",
                $"{{\"username\":{odd},\"password\":{odd},\"displayName\":{odd}}}");
        }

        private string HugeStrings()
        {
            var choice = rng.Next(8);
            Note($"huge:{choice}");
            return choice switch
            {
                0 => JsonSerializer.Serialize(new { title = new string('t', 200), body = "b" }),
                1 => JsonSerializer.Serialize(new { title = new string('t', 201), body = "b" }),
                2 => JsonSerializer.Serialize(new { title = "t", body = new string('b', 100_000) }),
                3 => JsonSerializer.Serialize(new { title = "t", body = new string('b', 100_001) }),
                4 => JsonSerializer.Serialize(new { title = "t", body = new string('b', (1024 * 1024) - 40) }),
                5 => JsonSerializer.Serialize(new { title = "t", body = new string('b', (1024 * 1024) + 1) }),
                6 => JsonSerializer.Serialize(new { title = string.Concat(Enumerable.Repeat("🙂", 150)), body = string.Concat(Enumerable.Repeat("é", 60_000)) }),
                _ => JsonSerializer.Serialize(new { title = new string(' ', 200), body = new string('\n', 1000) }),
            };
        }

        private byte[] RandomBytes()
        {
            var bytes = new byte[rng.Next(2000)];
            rng.NextBytes(bytes);
            return bytes;
        }

        private byte[] NotUtf8()
        {
            byte[] bad = Pick<byte[]>([0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]);
            return [.. Utf8("{\"title\":\""), .. bad, .. Utf8("\",\"body\":\"b\"}")];
        }

        private byte[] Bom() => Pick(
            [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Utf8(Post())],
            Encoding.Unicode.GetBytes(Post()),
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Post())],
            Encoding.UTF32.GetBytes(Post()),
            Encoding.Latin1.GetBytes("{\"title\":\"café\",\"body\":\"b\"}"));

        private string BadEscapes() => Pick(
            "{\"title\":\"\\ud800\",\"body\":\"b\"}",
            "{\"title\":\"\\udc00\\ud800\",\"body\":\"b\"}",
            "{\"title\":\"a\\ud83d\",\"body\":\"b\"}",
            "{\"title\":\"\\u0000\",\"body\":\"\\u0000\"}",
            "{\"title\":\"\\x41\",\"body\":\"b\"}",
            "{\"title\":\"\\u12\",\"body\":\"b\"}",
            "{\"title\":\"tab\there\",\"body\":\"b\"}",
            "{\"ti\\u0074le\":\"t\",\"body\":\"b\"}",
            "{\"\\ud800\":\"t\",\"body\":\"b\"}",
            "{\"username\":\"\\ud800abc\",\"password\":\"\\udfff\\udfff\\udfff\\udfff\"}");

        private string Registration()
        {
            // A valid registration pays for a PBKDF2 hash, so most of these break a rule.
            var choice = rng.Next(16);
            Note($"register:{choice}");
            var name = "fz" + rng.Next(int.MaxValue).ToString("x", CultureInfo.InvariantCulture) + index.ToString(CultureInfo.InvariantCulture);
            return choice switch
            {
                0 => JsonSerializer.Serialize(new { username = name, password = "long enough password" }),
                1 => JsonSerializer.Serialize(new { username = Pick(targets.Users).Name.ToUpperInvariant(), password = "long enough password" }),
                2 => JsonSerializer.Serialize(new { username = "ab", password = "long enough password" }),
                3 => JsonSerializer.Serialize(new { username = new string('u', 33), password = "long enough password" }),
                4 => JsonSerializer.Serialize(new { username = name, password = "short" }),
                5 => JsonSerializer.Serialize(new { username = name, password = new string('p', 129) }),
                6 => JsonSerializer.Serialize(new { username = name, password = "long enough password", displayName = new string('d', 101) }),
                7 => JsonSerializer.Serialize(new { username = "ünïcødé", password = "long enough password" }),
                8 => JsonSerializer.Serialize(new { username = (string?)null, password = (string?)null }),
                9 => JsonSerializer.Serialize(new { username = name + " ", password = "long enough password" }),
                10 => JsonSerializer.Serialize(new { username = RandomUnicode(1 + rng.Next(40)), password = RandomUnicode(rng.Next(8)) }),
                11 => JsonSerializer.Serialize(new { password = "long enough password" }),
                12 => JsonSerializer.Serialize(new { username = name }),
                13 => JsonSerializer.Serialize(new { username = "../admin", password = "long enough password" }),
                14 => JsonSerializer.Serialize(new { username = name, password = new string('p', 100_000) }),
                _ => JsonSerializer.Serialize(new { username = "a\u0000b", password = "long enough password" }),
            };
        }
    }
}
