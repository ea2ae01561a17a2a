using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Postgres;
using Blog.Infrastructure.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Unit.Data;

/// <summary>
/// The service starts from compiled models (Blog.Infrastructure's <c>Sqlite/CompiledModel</c> and
/// <c>Postgres/CompiledModel</c>) instead of building its model at every start. They are generated code: an entity or
/// a configuration changed without regenerating them (the commands are in the README, beside the migrations') fails here.
/// </summary>
public sealed partial class CompiledModels
{
    private static IEnumerable<TestCaseData> Contexts()
    {
        yield return new TestCaseData(
                new Func<BlogDbContext>(() => new SqliteBlogDbContext(
                    new DbContextOptionsBuilder<SqliteBlogDbContext>().UseSqlite("Data Source=:memory:").Options)),
                "Sqlite")
            .SetArgDisplayNames("Sqlite");
        yield return new TestCaseData(
                new Func<BlogDbContext>(() => new PostgresBlogDbContext(
                    new DbContextOptionsBuilder<PostgresBlogDbContext>().UseNpgsql("Host=localhost;Database=blog").Options)),
                "Postgres")
            .SetArgDisplayNames("Postgres");
    }

    [TestCaseSource(nameof(Contexts))]
    public void AreTheOnesInUse(Func<BlogDbContext> create, string folder)
    {
        using var db = create();

        Assert.That(db.Model.GetType().Namespace, Is.EqualTo($"Blog.Infrastructure.{folder}.CompiledModel"));
    }

    [TestCaseSource(nameof(Contexts))]
    public void AreWhatTheConfigurationsGenerateToday(Func<BlogDbContext> create, string folder)
    {
        using var db = create();
        var generated = Generate(db, $"Blog.Infrastructure.{folder}.CompiledModel");
        var committed = Path.Combine(RepositoryRoot(), "Blog.Infrastructure", folder, "CompiledModel");

        Assert.That(
            Directory.GetFiles(committed, "*.cs").Select(Path.GetFileName),
            Is.EquivalentTo(generated.Select(file => file.Path)),
            "the compiled model's files");
        Assert.Multiple(() =>
        {
            foreach (var file in generated)
            {
                Assert.That(Normalized(File.ReadAllText(Path.Combine(committed, file.Path))), Is.EqualTo(Normalized(file.Code)), file.Path);
            }
        });
    }

    /// <summary>EF Core 9+ refuses to migrate over pending model changes; the service skips that check at start, for time.</summary>
    [TestCaseSource(nameof(Contexts))]
    public void HaveNoChangesTheMigrationsLack(Func<BlogDbContext> create, string folder)
    {
        using var db = create();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, $"add a migration to {folder}/Migrations");
    }

    /// <summary>What <c>dotnet ef dbcontext optimize</c> writes, from the model as the configurations build it.</summary>
    private static IReadOnlyCollection<ScaffoldedFile> Generate(BlogDbContext db, string modelNamespace)
    {
#pragma warning disable EF1001 // The design-time services, found as the ef tool finds them.
        var reporter = new OperationReporter(handler: null);
        var services = new DesignTimeServicesBuilder(db.GetType().Assembly, typeof(CompiledModels).Assembly, reporter, [])
            .Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = modelNamespace,
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        return services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);
    }

    /// <summary>Without the model id, which is new at every generation.</summary>
    private static string Normalized(string code) =>
        ModelId().Replace(code.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
