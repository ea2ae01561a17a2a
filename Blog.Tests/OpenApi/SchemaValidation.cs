using System.Text.Json.Nodes;

namespace Blog.Tests.OpenApi;

public sealed class SchemaValidation
{
    /// <summary>A small document in the shape Swashbuckle writes: OpenAPI 3.0 nullable, one 3.1 type array, a problem schema.</summary>
    private static readonly OpenApiSchemaValidator Validator = new(JsonNode.Parse("""
        {
          "openapi": "3.0.4",
          "components": { "schemas": {
            "Link": { "type": "object", "properties": { "href": { "type": "string" } }, "additionalProperties": false },
            "Post": {
              "type": "object",
              "required": ["id", "title", "postedDate"],
              "properties": {
                "_links": { "type": "object", "properties": { "self": { "$ref": "#/components/schemas/Link" } }, "additionalProperties": false },
                "id": { "type": "string", "format": "uuid" },
                "title": { "type": "string", "nullable": true },
                "body": { "type": ["string", "null"] },
                "postedDate": { "type": "string", "format": "date-time" },
                "count": { "type": "integer", "format": "int32" },
                "state": { "type": "string", "enum": ["draft", "published"] }
              },
              "additionalProperties": false
            },
            "Page": { "type": "object", "properties": { "posts": { "type": "array", "items": { "$ref": "#/components/schemas/Post" } } } },
            "Problem": {
              "type": "object",
              "properties": {
                "status": { "type": "integer", "nullable": true },
                "errors": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } }
              },
              "additionalProperties": {}
            }
          } }
        }
        """)!);

    private const string Id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    private static IReadOnlyList<string> Validate(string json, string schema) =>
        Validator.Validate(JsonNode.Parse(json), JsonNode.Parse($$"""{"$ref": "#/components/schemas/{{schema}}"}""")!);

    [Test]
    public void AcceptsABodyThatFitsItsSchema()
    {
        var errors = Validate("""
            {"_links": {"self": {"href": "http://host/posts/1"}}, "id": "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "title": null, "body": null,
             "postedDate": "2026-11-21T10:00:00.123Z", "count": 3, "state": "draft"}
            """, "Post");

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void AllowsProblemExtensionsWhereAdditionalPropertiesIsAnEmptySchema()
    {
        var errors = Validate("""{"status": 400, "traceId": "abc", "errors": {"title": ["blank"]}}""", "Problem");

        Assert.That(errors, Is.Empty);
    }

    [TestCase("""{"title": "t", "postedDate": "2026-11-21T10:00:00Z"}""", "$: required:")]
    [TestCase($$"""{"id": "{{Id}}", "title": "t", "postedDate": "2026-11-21T10:00:00Z", "password": "x"}""", "$.password: ")]
    [TestCase($$"""{"id": "{{Id}}", "title": 5, "postedDate": "2026-11-21T10:00:00Z"}""", "$.title: type:")]
    [TestCase($$"""{"id": "{{Id}}", "title": "t", "postedDate": "2026-11-21T10:00:00+01:00"}""", "$.postedDate: format:")]
    [TestCase("""{"id": "0193a1b2c3d47e5f8a9b0c1d2e3f4a5b", "title": "t", "postedDate": "2026-11-21T10:00:00Z"}""", "$.id: format:")]
    [TestCase($$"""{"id": "{{Id}}", "title": "t", "postedDate": "2026-11-21T10:00:00Z", "count": 1.5}""", "$.count: type:")]
    [TestCase($$"""{"id": "{{Id}}", "title": "t", "postedDate": "2026-11-21T10:00:00Z", "state": "gone"}""", "$.state: enum:")]
    [TestCase($$"""{"id": null, "title": "t", "postedDate": "2026-11-21T10:00:00Z"}""", "$.id: type:")]
    [TestCase("""{"id": "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "title": "t", "postedDate": "2026-11-21T10:00:00Z", "_links": {"self": {"href": "h", "title": 1}}}""", "$._links.self.title: ")]
    public void RejectsAPostThat(string json, string error)
    {
        var errors = Validate(json, "Post");

        Assert.That(errors, Has.Some.StartsWith(error), string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void NamesTheArrayIndexOfABadItem()
    {
        var errors = Validate($$"""{"posts": [{"id": "{{Id}}", "title": "a", "postedDate": "2026-11-21T10:00:00Z"}, {"id": "{{Id}}", "title": "b"}]}""", "Page");

        Assert.That(errors, Has.Count.EqualTo(1).And.Some.StartsWith("$.posts[1]: required:").And.Some.Contains("postedDate"), string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void RejectsNullForANonNullableTypeInEitherOpenApiSpelling()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(null, JsonNode.Parse("""{"type": "string"}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(null, JsonNode.Parse("""{"type": "string", "nullable": false}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(null, JsonNode.Parse("""{"type": ["string", "integer"]}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(null, JsonNode.Parse("""{"type": ["string", "null"]}""")!), Is.Empty);
            Assert.That(Validator.Validate(null, JsonNode.Parse("""{"type": "string", "nullable": true}""")!), Is.Empty);
        });
    }

    [Test]
    public void AppliesAllOfAnyOfAndOneOf()
    {
        var number = JsonNode.Parse("3");
        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(number, JsonNode.Parse("""{"allOf": [{"type": "integer"}, {"type": "string"}]}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(number, JsonNode.Parse("""{"anyOf": [{"type": "string"}, {"type": "boolean"}]}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(number, JsonNode.Parse("""{"anyOf": [{"type": "string"}, {"type": "integer"}]}""")!), Is.Empty);
            Assert.That(Validator.Validate(number, JsonNode.Parse("""{"oneOf": [{"type": "number"}, {"type": "integer"}]}""")!), Is.Not.Empty);
            Assert.That(Validator.Validate(number, JsonNode.Parse("""{"oneOf": [{"type": "number"}, {"type": "string"}]}""")!), Is.Empty);
        });
    }

    [Test]
    public void TranslatesNullableBesideAReferenceToAnyOf()
    {
        var schema = JsonNode.Parse("""{"$ref": "#/components/schemas/Link", "nullable": true}""")!;

        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(null, schema), Is.Empty);
            Assert.That(Validator.Validate(JsonNode.Parse("""{"href": "h"}"""), schema), Is.Empty);
            Assert.That(Validator.Validate(JsonNode.Parse("""{"href": 1}"""), schema), Is.Not.Empty);
        });
    }

    [Test]
    public void TurnsOpenApi30ExclusiveBoundsIntoNumbers()
    {
        var schema = JsonNode.Parse("""{"type": "integer", "minimum": 1, "exclusiveMinimum": true, "maximum": 100}""")!;

        Assert.Multiple(() =>
        {
            Assert.That(Validator.Validate(JsonNode.Parse("1"), schema), Is.Not.Empty);
            Assert.That(Validator.Validate(JsonNode.Parse("2"), schema), Is.Empty);
            Assert.That(Validator.Validate(JsonNode.Parse("101"), schema), Is.Not.Empty);
        });
    }

    [Test]
    public void ReportsAReferenceThatDoesNotResolve()
    {
        Assert.That(() => Validate("{}", "Missing"), Throws.Exception);
    }

    /// <summary>A misspelt keyword would otherwise check nothing and pass every response.</summary>
    [Test]
    public void RefusesToPassAKeywordItDoesNotUnderstand() =>
        Assert.That(() => Validator.Validate(JsonValue.Create("abcd"), JsonNode.Parse("""{"type": "string", "maxLenght": 3}""")!), Throws.Exception);
}
