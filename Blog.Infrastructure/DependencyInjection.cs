using System.Data.Common;
using Blog.Domain.Comments;
using Blog.Domain.Posts;
using Blog.Domain.Tags;
using Blog.Domain.Tokens;
using Blog.Domain.Users;
using Blog.Infrastructure.Comments;
using Blog.Infrastructure.Data;
using Blog.Infrastructure.Posts;
using Blog.Infrastructure.Security;
using Blog.Infrastructure.Tags;
using Blog.Infrastructure.Tokens;
using Blog.Infrastructure.Users;
using Blog.Infrastructure.Postgres;
using Blog.Infrastructure.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Blog.Infrastructure;

public static class DependencyInjection
{
    public const string HealthCheckName = "database";

    /// <summary>
    /// Shared by every instance, so that what one seals (a cursor) another opens: without it, data protection keys
    /// its protectors to the content root path, which differs between machines.
    /// </summary>
    private const string DataProtectionApplicationName = "Blog.Api";

    /// <param name="services">The application's services.</param>
    /// <param name="provider">The database the data lives in.</param>
    /// <param name="connectionString">The provider's connection string; for SQLite, a default file when null.</param>
    /// <param name="baseDirectory">Where a relative SQLite file lives: beside the running service.</param>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, DatabaseProvider provider, string? connectionString, string baseDirectory)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddSqliteDatabase(connectionString, baseDirectory),
            DatabaseProvider.Postgres => services.AddPostgresDatabase(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        services.AddDatabaseTime();
        services.AddSingleton<CompiledQueries>();
        services.AddScoped<IPostRepository, PostRepository>();
        services.AddScoped<ICommentRepository, CommentRepository>();
        services.AddScoped<ITagRepository, TagRepository>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IAccessTokenRepository, AccessTokenRepository>();
        services.AddSingleton<IPasswordHasher, CachingPasswordHasher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(HealthCheckName);
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, ILoggerFactory>(
            (options, provider, loggerFactory) => options.XmlRepository = new DataProtectionKeyRing(provider, loggerFactory));
        return services;
    }

    /// <summary>
    /// Applies pending migrations (creating the SQLite file if needed), prepares the database for durable writes, and
    /// makes sure a data protection key exists before the first request, so that instances started one after another
    /// share it instead of each making its own.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            if (!await HasEveryMigrationAsync(db.Database, cancellationToken))
            {
                if (db.Database.IsNpgsql())
                {
                    // Npgsql's migrator reads the history table before creating it and logs that failure as an error on
                    // every first start (npgsql/efcore.pg#3407); made first, the table is simply there. (Not on SQLite,
                    // where building the statement alone cost a tenth of the start-up.)
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                }

                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                await SqliteDatabase.PrepareAsync(db.Database, cancellationToken);
            }
            else if (db.Database.IsNpgsql())
            {
                // A session keeps the database's settings it started with (work_mem, see the CountWorkMemory
                // migration): the pooled connections that migrated are closed, so that every request's session is new.
                NpgsqlConnection.ClearPool((NpgsqlConnection)db.Database.GetDbConnection());
            }
        }

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(DataProtectionApplicationName).Protect([]);
    }

    /// <summary>
    /// Whether the history table lists every migration, read with a plain query: EF Core's migrator, even with nothing
    /// to apply, builds a model of its history table and compiles a query over it (a seventh of the start-up). False for
    /// a database without the table, or that cannot be read yet (the migrator then makes it).
    /// </summary>
    private static async Task<bool> HasEveryMigrationAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await database.OpenConnectionAsync(cancellationToken);
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = $"""SELECT "MigrationId" FROM "{HistoryRepository.DefaultTableName}";""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        return database.GetMigrations().All(applied.Contains);
    }
}
