namespace Blog.Api.Composition;

public static class ServiceFolder
{
    /// <summary>
    /// The folder that holds the service (and its <c>appsettings.json</c>), wherever it is started from: the host's
    /// default, the current directory, would leave a service started from elsewhere without its configuration, its
    /// log sinks or its database. A content root given as <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still wins.
    /// </summary>
    public static string? ContentRootUnlessConfigured(string[] args)
    {
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return hostSettings[HostDefaults.ContentRootKey] is null ? AppContext.BaseDirectory : null;
    }
}
