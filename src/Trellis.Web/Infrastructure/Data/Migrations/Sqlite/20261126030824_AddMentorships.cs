using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMentorships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActiveMentees",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ActiveMentors",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Mentorships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DeclineMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentorships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mentorships_AspNetUsers_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mentorships_AspNetUsers_MentorId",
                        column: x => x.MentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    MentorshipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Formality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CadenceEvery = table.Column<int>(type: "INTEGER", nullable: false),
                    CadenceUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    ResponseWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", nullable: false),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewEveryMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeCommitments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PersonalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AcceptedByMentee = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptedByMentor = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => new { x.MentorshipId, x.Number });
                    table.ForeignKey(
                        name: "FK_AgreementVersions_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorshipQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AboutVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorshipQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorshipQuestions_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorshipQuestions_MentorshipId_AskedAt",
                table: "MentorshipQuestions",
                columns: new[] { "MentorshipId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_MenteeId_MentorId",
                table: "Mentorships",
                columns: new[] { "MenteeId", "MentorId" },
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Negotiating', 'Active', 'Paused')");

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_MentorId_Status",
                table: "Mentorships",
                columns: new[] { "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_Status_ExpiresAt",
                table: "Mentorships",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentorships_Status_RemindAt",
                table: "Mentorships",
                columns: new[] { "Status", "RemindAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "MentorshipQuestions");

            migrationBuilder.DropTable(
                name: "Mentorships");

            migrationBuilder.DropColumn(
                name: "ActiveMentees",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "ActiveMentors",
                table: "Profiles");
        }
    }
}
