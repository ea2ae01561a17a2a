using System.Net;
using System.Text.Json.Nodes;
using Blog.Api.Comments;
using Blog.Api.Hal;
using Blog.Api.Posts;
using Blog.Api.Tags;
using Blog.Api.Tokens;
using Blog.Api.Users;
using Blog.Api.Validation;
using Blog.Tests.Integration;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Blog.Infrastructure.Data;

namespace Blog.Tests.OpenApi;

/// <summary>The request side of the document says what the service accepts: the validators' limits, and no more.</summary>
public sealed class RequestSchemas(DatabaseProvider provider) : IntegrationTest(provider)
{
    private OpenApiSpec spec = null!;

    [OneTimeSetUp]
    public async Task LoadTheDocument() => spec = await OpenApiSpec.LoadAsync(Client.Http);

    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData("PostRequest", typeof(PostRequest)).SetArgDisplayNames("PostRequest");
        yield return new TestCaseData("PostMergePatch", typeof(PostMergePatch)).SetArgDisplayNames("PostMergePatch");
        yield return new TestCaseData("RegisterUserRequest", typeof(RegisterUserRequest)).SetArgDisplayNames("RegisterUserRequest");
        yield return new TestCaseData("CreateAccessTokenRequest", typeof(CreateAccessTokenRequest)).SetArgDisplayNames("CreateAccessTokenRequest");
        yield return new TestCaseData("CommentRequest", typeof(CommentRequest)).SetArgDisplayNames("CommentRequest");
        yield return new TestCaseData("CommentMergePatch", typeof(CommentMergePatch)).SetArgDisplayNames("CommentMergePatch");
    }

    private static IEnumerable<TestCaseData> Queries()
    {
        yield return new TestCaseData("GET /posts", typeof(PostListQuery)).SetArgDisplayNames("GET /posts, its own rules");
        yield return new TestCaseData("GET /posts", typeof(PageQuery)).SetArgDisplayNames("GET /posts, the included paging rules");
        yield return new TestCaseData("GET /users", typeof(PageQuery)).SetArgDisplayNames("GET /users");
        yield return new TestCaseData("GET /me/tokens", typeof(PageQuery)).SetArgDisplayNames("GET /me/tokens");
        yield return new TestCaseData("GET /me/posts", typeof(OwnPostsQuery)).SetArgDisplayNames("GET /me/posts, its own rules");
        yield return new TestCaseData("GET /me/posts", typeof(PageQuery)).SetArgDisplayNames("GET /me/posts, the included paging rules");
        yield return new TestCaseData("GET /posts/{id}/revisions", typeof(PageQuery)).SetArgDisplayNames("GET /posts/{id}/revisions");
        yield return new TestCaseData("GET /posts/{id}/comments", typeof(PageQuery)).SetArgDisplayNames("GET /posts/{id}/comments");
        yield return new TestCaseData("GET /tags", typeof(TagListQuery)).SetArgDisplayNames("GET /tags");
    }

    [TestCaseSource(nameof(Bodies))]
    public void ShowEveryLimitOfTheBodysValidator(string schemaName, Type validated)
    {
        var schema = spec.Deref(spec.Root["components"]!["schemas"]![schemaName]!);
        var required = schema["required"]?.AsArray().Select(name => name!.GetValue<string>()).ToList() ?? [];
        var missing = Rules(validated).SelectMany(rule =>
        {
            var name = Camel(rule.Member);
            var property = schema["properties"]?[name]?.AsObject();
            return property is null ? [$"{name}: not in the schema"] : Missing(rule, property, required.Contains(name));
        });

        Assert.That(missing, Is.Empty, $"{schemaName}: {schema.ToJsonString()}");
    }

    [TestCaseSource(nameof(Queries))]
    public void ShowEveryLimitOfTheQuerysValidator(string operationName, Type validated)
    {
        var operation = spec.Operations.Single(found => found.Name == operationName);
        var parameters = spec.Parameters(operation).Where(parameter => parameter["in"]!.GetValue<string>() == "query")
            .ToDictionary(parameter => parameter["name"]!.GetValue<string>());
        var missing = Rules(validated).SelectMany(rule =>
            parameters.TryGetValue(Camel(rule.Member), out var parameter)
                ? Missing(rule, spec.Deref(parameter["schema"]!), parameter["required"]?.GetValue<bool>() == true)
                : [$"{rule.Member}: no such query parameter"]);

        Assert.That(missing, Is.Empty);
    }

    [TestCase("POST /posts")]
    [TestCase("PUT /posts/{id}")]
    [TestCase("PATCH /posts/{id}")]
    [TestCase("POST /users")]
    [TestCase("POST /me/tokens")]
    [TestCase("POST /posts/{id}/comments")]
    [TestCase("PATCH /comments/{id}")]
    public void RequireTheBodyOfEveryWrite(string operationName)
    {
        var operation = spec.Operations.Single(found => found.Name == operationName);

        Assert.That(spec.Deref(operation.Operation["requestBody"]!)["required"]?.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task AcceptWhatAGetReturnedAsAPutBodyAsTheServiceDoes()
    {
        var user = await Client.RegisterAsync();
        var post = (await Client.CreatePostAsync(user)).AsObject();
        post["title"] = "Round trip";
        post["somethingNew"] = true;
        var put = spec.Operations.Single(found => found.Name == "PUT /posts/{id}");
        var schema = spec.Deref(put.Operation["requestBody"]!)["content"]!["application/json"]!["schema"]!;

        using var response = await Client.SendAsync(HttpMethod.Put, BlogClient.Href(post, "self"), user, BlogClient.Json(post.ToJsonString()));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(spec.Validator.Validate(post, schema), Is.Empty);
        });
    }

    [Test]
    public void LeakNoXmlDocTagsIntoDescriptions()
    {
        Assert.That(spec.Root.ToJsonString(), Does.Not.Contain("<typeparamref").And.Not.Contain("<paramref").And.Not.Contain("<see "));
    }

    [Test]
    public void OfferBasicAndBearerOptionallyOnAnonymousOperations()
    {
        var anonymous = spec.Operations.Where(operation => operation.Name is "GET /" or "GET /posts" or "GET /posts/{id}" or "GET /users" or "GET /users/{username}" or "POST /users"
            or "GET /posts/{id}/comments" or "GET /comments/{id}" or "GET /tags" or "GET /tags/{name}");

        Assert.That(
            anonymous.Select(operation => $"{operation.Name}: {spec.Security(operation).ToJsonString()}"),
            Has.All.EndsWith("""[{},{"Basic":[]},{"Bearer":[]}]"""));
    }

    /// <summary>GET /health ignores credentials, so it offers none, and never answers 401 or 429.</summary>
    [Test]
    public void OfferNoCredentialsOnTheHealthCheck()
    {
        var health = spec.Operations.Single(operation => operation.Name == "GET /health");

        Assert.Multiple(() =>
        {
            Assert.That(spec.Security(health).ToJsonString(), Is.EqualTo("[]"));
            Assert.That(spec.Response(health, 401), Is.Null);
            Assert.That(spec.Response(health, 429), Is.Null);
        });
    }

    /// <summary>What the validator demands, read straight from FluentValidation's descriptor, not through the filter.</summary>
    private IEnumerable<(string Member, IPropertyValidator Validator, bool Conditional)> Rules(Type validated)
    {
        var validator = (IValidator)Factory.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(validated));
        return validator.CreateDescriptor().Rules
            .Where(rule => rule.PropertyName is not null)
            .SelectMany(rule => rule.Components.Select(component => (rule.PropertyName!, component.Validator, rule.HasCondition || component.HasCondition)));
    }

    private static IEnumerable<string> Missing((string Member, IPropertyValidator Validator, bool Conditional) rule, JsonObject schema, bool required)
    {
        var name = Camel(rule.Member);
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        switch (rule.Validator)
        {
            case INotNullValidator or INotEmptyValidator when nullable || (!rule.Conditional && !required):
                yield return $"{name}: {rule.Validator.Name} but the schema is {(nullable ? "nullable" : "not required")}";
                break;
            case INotNullValidator or INotEmptyValidator when rule.Conditional && required:
                yield return $"{name}: only checked when present, but the schema requires it";
                break;
            case ILengthValidator length when length.Max >= 0 && schema["maxLength"]?.GetValue<int>() != length.Max:
                yield return $"{name}: maxLength should be {length.Max}, is {schema["maxLength"]?.ToJsonString() ?? "absent"}";
                break;
            case ILengthValidator length when length.Min > 0 && schema["minLength"]?.GetValue<int>() != length.Min:
                yield return $"{name}: minLength should be {length.Min}, is {schema["minLength"]?.ToJsonString() ?? "absent"}";
                break;
            case IRegularExpressionValidator when schema["pattern"] is null:
                yield return $"{name}: matches a pattern the schema does not state";
                break;
            case IOneOfValidator oneOf when !AllowedValues(schema).SequenceEqual(oneOf.Values):
                yield return $"{name}: one of {string.Join(", ", oneOf.Values)}, but the schema says {schema.ToJsonString()}";
                break;
            case IBetweenValidator between when schema["minimum"]?.GetValue<decimal>() != Convert.ToDecimal(between.From, System.Globalization.CultureInfo.InvariantCulture)
                || schema["maximum"]?.GetValue<decimal>() != Convert.ToDecimal(between.To, System.Globalization.CultureInfo.InvariantCulture):
                yield return $"{name}: between {between.From} and {between.To}, but the schema says {schema.ToJsonString()}";
                break;
        }
    }

    /// <summary>The enum of a list's items, or of the member itself, without the null a nullable member lists too.</summary>
    private static IEnumerable<string> AllowedValues(JsonObject schema) =>
        ((schema["items"] as JsonObject ?? schema)["enum"]?.AsArray() ?? []).OfType<JsonNode>().Select(value => value.GetValue<string>());

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
