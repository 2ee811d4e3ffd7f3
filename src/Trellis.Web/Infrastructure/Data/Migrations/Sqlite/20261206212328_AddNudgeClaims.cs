using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNudgeClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NudgeClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occurrence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NudgeClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NudgeClaims_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NudgeClaims_ProgrammeId_At",
                table: "NudgeClaims",
                columns: new[] { "ProgrammeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NudgeClaims_ProgrammeId_Kind_SubjectId_Occurrence",
                table: "NudgeClaims",
                columns: new[] { "ProgrammeId", "Kind", "SubjectId", "Occurrence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NudgeClaims");
        }
    }
}
