using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDirectionLanguagesAskWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Defaults edited in by hand: existing members stay in their field, ask for a mentor and have empty lists and windows
            // (the generated "" is not an enum value, and an array column without a default cannot be added to rows).
            migrationBuilder.AddColumn<string>(
                name: "Ask",
                table: "Profiles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Mentor");

            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "Profiles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Stay");

            migrationBuilder.AddColumn<string>(
                name: "MeetingWindows",
                table: "Profiles",
                type: "jsonb",
                nullable: true,
                defaultValue: "[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "PreviousFields",
                table: "Profiles",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<bool>(
                name: "RequireMeetingOverlap",
                table: "Profiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "RequiredLanguages",
                table: "Profiles",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<string>(
                name: "TargetField",
                table: "Profiles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TargetRole",
                table: "Profiles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Ask",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "Direction",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "MeetingWindows",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "PreviousFields",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RequireMeetingOverlap",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RequiredLanguages",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "TargetField",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "TargetRole",
                table: "Profiles");
        }
    }
}
