using Blog.Api.Composition;
using Blog.Api.Logging;
using Blog.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddBlogLogging();
builder.Services.AddInfrastructure(builder.Configuration.GetConnectionString("Blog"), builder.Environment.ContentRootPath);
builder.Services.AddBlogApi(builder.Configuration);

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
app.UseBlogApi();
app.LogAddressesOnStart();

await app.RunAsync();

/// <summary>Visible to the integration tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
