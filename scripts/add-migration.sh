#!/usr/bin/env bash
# Adds a migration for both databases: ./scripts/add-migration.sh AddMeetings
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Trellis.Web --context "${provider}TrellisDbContext" \
    --output-dir "Infrastructure/Data/Migrations/$provider"
done
rm -f src/Trellis.Web/design.db
