using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occurrence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
