using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolmentOpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EnrolmentClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MatchingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RunsFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RunsUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MenteeTerm = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MentorTerm = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MenteeEnrolment_Access = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MenteeEnrolment_Domains = table.Column<string>(type: "TEXT", nullable: false),
                    MenteeEnrolment_RequiredFields = table.Column<string>(type: "TEXT", nullable: false),
                    MentorEnrolment_Access = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MentorEnrolment_Domains = table.Column<string>(type: "TEXT", nullable: false),
                    MentorEnrolment_RequiredFields = table.Column<string>(type: "TEXT", nullable: false),
                    MatchingMode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BulkMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxOpenRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultMentorCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Template = table.Column<string>(type: "TEXT", nullable: false),
                    IntroSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntroBody = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartDirectly = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCoordinators",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsOwner = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCoordinators", x => new { x.ProgrammeId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_ProgrammeCoordinators_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeCoordinators_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCoordinators_MemberId",
                table: "ProgrammeCoordinators",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Slug",
                table: "Programmes",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeCoordinators");

            migrationBuilder.DropTable(
                name: "Programmes");
        }
    }
}
