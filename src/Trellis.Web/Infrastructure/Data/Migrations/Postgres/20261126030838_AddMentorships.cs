using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ActiveMentors",
                table: "Profiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Mentorships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    AcceptedVersion = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DeclineMessage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Formality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CadenceEvery = table.Column<int>(type: "integer", nullable: false),
                    CadenceUnit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MeetingMinutes = table.Column<int>(type: "integer", nullable: false),
                    Medium = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    ResponseWithinDays = table.Column<int>(type: "integer", nullable: false),
                    Goals = table.Column<List<string>>(type: "text[]", nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DurationMonths = table.Column<int>(type: "integer", nullable: false),
                    ReviewEveryMonths = table.Column<int>(type: "integer", nullable: false),
                    MenteeCommitments = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PersonalNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AcceptedByMentee = table.Column<bool>(type: "boolean", nullable: false),
                    AcceptedByMentor = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AboutVersion = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
