using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfileHoursZeroMeansUnsaid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before hours were optional, "did not say" was stored as 0. A migration of its own: on SQLite the
            // previous one rebuilds the table, and an UPDATE in the same migration would run before the rebuild.
            migrationBuilder.Sql("UPDATE \"Profiles\" SET \"HoursPerMonth\" = NULL WHERE \"HoursPerMonth\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Profiles\" SET \"HoursPerMonth\" = 0 WHERE \"HoursPerMonth\" IS NULL");
        }
    }
}
