using System.Text.Json.Serialization;

namespace Blog.Api.Hal;

public sealed record PageLinks(
    Link Self,
    Link First,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Next,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Prev,
    Link Home);
