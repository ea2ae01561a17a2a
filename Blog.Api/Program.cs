using Blog.Api.Composition;
using Blog.Api.Logging;
using Blog.Infrastructure;
using Blog.Infrastructure.Data;
using Serilog;

Log.Logger = LoggingSetup.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = ServiceFolder.ContentRootUnlessConfigured(args),
    });

    builder.AddBlogLogging();
    builder.Services.AddInfrastructure(
        builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite),
        builder.Configuration.GetConnectionString("Blog"),
        builder.Environment.ContentRootPath);
    builder.Services.AddBlogApi(builder.Configuration);

    await using var app = builder.Build();

    await app.Services.MigrateDatabaseAsync();
    app.UseBlogApi();
    app.LogStartup();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    // The configured logger may not exist yet, or may be the thing that failed.
    Log.Fatal(exception, "The Blog API stopped: it could not start, or it failed while running");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to the integration tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
