using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "Mentorships",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompletionProposedAt",
                table: "Mentorships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompletionProposedBy",
                table: "Mentorships",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndNote",
                table: "Mentorships",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndNoticeSentFor",
                table: "Mentorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Mentorships",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Mentorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EndsOnPlannedFrom",
                table: "Mentorships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtendedMonths",
                table: "Mentorships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResumeOn",
                table: "Mentorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Blocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Blocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Blocks_AspNetUsers_BlockedId",
                        column: x => x.BlockedId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Blocks_AspNetUsers_BlockerId",
                        column: x => x.BlockerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Learned = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HelpedMost = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reflections_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_Status_EndsOn",
                table: "Mentorships",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_Status_ResumeOn",
                table: "Mentorships",
                columns: new[] { "Status", "ResumeOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Blocks_BlockedId",
                table: "Blocks",
                column: "BlockedId");

            migrationBuilder.CreateIndex(
                name: "IX_Blocks_BlockerId_BlockedId",
                table: "Blocks",
                columns: new[] { "BlockerId", "BlockedId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_AuthorId",
                table: "Reflections",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_MentorshipId_AuthorId",
                table: "Reflections",
                columns: new[] { "MentorshipId", "AuthorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Blocks");

            migrationBuilder.DropTable(
                name: "Reflections");

            migrationBuilder.DropIndex(
                name: "IX_Mentorships_Status_EndsOn",
                table: "Mentorships");

            migrationBuilder.DropIndex(
                name: "IX_Mentorships_Status_ResumeOn",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "CompletionProposedAt",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "CompletionProposedBy",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndNote",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndNoticeSentFor",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndsOnPlannedFrom",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "ExtendedMonths",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "ResumeOn",
                table: "Mentorships");
        }
    }
}
