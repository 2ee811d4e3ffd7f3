using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnrolmentOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EnrolmentClosesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MatchingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RunsFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RunsUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    MenteeTerm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MentorTerm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MenteeEnrolment_Access = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MenteeEnrolment_Domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    MenteeEnrolment_RequiredFields = table.Column<int[]>(type: "integer[]", nullable: false),
                    MentorEnrolment_Access = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MentorEnrolment_Domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    MentorEnrolment_RequiredFields = table.Column<int[]>(type: "integer[]", nullable: false),
                    MatchingMode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BulkMethod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MaxOpenRequests = table.Column<int>(type: "integer", nullable: false),
                    DefaultMentorCapacity = table.Column<int>(type: "integer", nullable: false),
                    Template = table.Column<string>(type: "text", nullable: false),
                    IntroSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IntroBody = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartDirectly = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCoordinators",
                columns: table => new
                {
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsOwner = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
