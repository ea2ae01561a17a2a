namespace Blog.Infrastructure.Data;

/// <summary>The database the service keeps its data in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file beside the service: nothing else to run (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several instances of the service can share.</summary>
    Postgres,
}
