using Blog.Infrastructure.Data;
using Blog.Infrastructure.Data.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Blog.Tests.Integration;

/// <summary>
/// The service runs on a compiled EF Core model (it starts faster). A change to the entity configurations that is
/// not followed by <c>dotnet ef dbcontext optimize</c> would leave the service on the old model; this fails first.
/// </summary>
public sealed class CompiledModel
{
    [Test]
    public void DescribesTheSameTablesAsTheEntityConfigurations()
    {
        var options = new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new BlogDbContext(options);

        Assert.That(Describe(BlogDbContextModel.Instance), Is.EqualTo(Describe(context.Model)));
    }

    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity =>
        {
            var table = entity.GetTableName();
            var columns = entity.GetProperties().Select(property =>
                $"{table}.{property.GetColumnBaseName()}: {property.ClrType.Name} as {(property.GetValueConverter()?.ProviderClrType ?? property.ClrType).Name}"
                + $"{(property.IsNullable ? " null" : string.Empty)} max {property.GetMaxLength()}"
                + $"{(property.IsConcurrencyToken ? " concurrency" : string.Empty)}{(property.IsPrimaryKey() ? " key" : string.Empty)}");
            var indexes = entity.GetIndexes().Select(index =>
                $"{table} index ({string.Join(", ", index.Properties.Select(p => p.Name))}){(index.IsUnique ? " unique" : string.Empty)}");
            var foreignKeys = entity.GetForeignKeys().Select(key =>
                $"{table} foreign key ({string.Join(", ", key.Properties.Select(p => p.Name))}) to {key.PrincipalEntityType.GetTableName()} {key.DeleteBehavior}");
            return columns.Concat(indexes).Concat(foreignKeys);
        }).Order(StringComparer.Ordinal),
    ];
}
