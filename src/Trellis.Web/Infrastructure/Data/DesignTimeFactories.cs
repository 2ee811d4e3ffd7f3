using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trellis.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; each provider keeps its own migrations folder.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTrellisDbContext>
{
    public SqliteTrellisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTrellisDbContext>
{
    public PostgresTrellisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTrellisDbContext>().UseNpgsql("Host=localhost;Database=trellis_design").Options);
}
