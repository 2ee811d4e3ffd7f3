using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNudgeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeNudgeSettings",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoMeetingOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoMeetingWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestPendingOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestPendingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NotMatchedOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotMatchedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentUnfinishedOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnrolmentUnfinishedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeNudgeSettings", x => x.ProgrammeId);
                    table.ForeignKey(
                        name: "FK_ProgrammeNudgeSettings_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeNudgeSettings");
        }
    }
}
