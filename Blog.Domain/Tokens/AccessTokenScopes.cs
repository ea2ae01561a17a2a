using Blog.Domain.Errors;

namespace Blog.Domain.Tokens;

/// <summary>What a token may do. Every token may read; <see cref="Write"/> adds every write its owner may make.</summary>
[Flags]
public enum AccessTokenScopes
{
    None = 0,
    Read = 1,
    Write = 2,
}

/// <summary>The scopes as clients write them: <c>"read"</c> and <c>"write"</c>.</summary>
public static class AccessTokenScopeNames
{
    public const string FieldName = "scopes";
    public const string Read = "read";
    public const string Write = "write";

    private static readonly (string Name, AccessTokenScopes Scope)[] Known = [(Read, AccessTokenScopes.Read), (Write, AccessTokenScopes.Write)];

    public static IReadOnlyList<string> All { get; } = [.. Known.Select(known => known.Name)];

    /// <summary>One or more distinct known names; anything else is a <see cref="ValidationException"/> of <c>scopes</c>.</summary>
    public static AccessTokenScopes Parse(IReadOnlyCollection<string?> names)
    {
        if (names.Count == 0)
        {
            throw ValidationException.For(FieldName, "A token needs at least one scope: 'read' or 'write'.");
        }

        var scopes = AccessTokenScopes.None;
        foreach (var name in names)
        {
            var scope = Known.FirstOrDefault(known => known.Name == name).Scope;
            if (scope == AccessTokenScopes.None)
            {
                throw ValidationException.For(FieldName, $"'{name}' is not a scope; a scope is 'read' or 'write'.");
            }

            if (scopes.HasFlag(scope))
            {
                throw ValidationException.For(FieldName, $"The scope '{name}' is listed more than once.");
            }

            scopes |= scope;
        }

        return scopes;
    }

    public static IReadOnlyList<string> Of(AccessTokenScopes scopes) =>
        [.. Known.Where(known => scopes.HasFlag(known.Scope)).Select(known => known.Name)];
}
