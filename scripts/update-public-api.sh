#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and removes those reported as gone (RS0017). Review the diff: it is the
# change to the library's public API. Usage: scripts/update-public-api.sh src/Trellis.Matching
set -euo pipefail
dir=${1:?usage: $0 src/<project folder>}
project=$(ls "$dir"/*.csproj)
for round in 1 2 3; do
  out=$(dotnet build "$project" --no-incremental -v quiet -nologo -clp:ErrorsOnly 2>&1 || true)
  added=$(printf '%s\n' "$out" | grep 'RS0016' | sed -n "s/.*Symbol '\(.*\)' is not part of the declared public API.*/\1/p" | sort -u || true)
  removed=$(printf '%s\n' "$out" | grep 'RS0017' | sed -n "s/.*Symbol '\(.*\)' is part of the declared API, but .*/\1/p" | sort -u || true)
  [ -z "$added$removed" ] && break
  file="$dir/PublicAPI.Unshipped.txt"
  { head -1 "$file"; { tail -n +2 "$file"; printf '%s\n' "$added"; } | grep -v '^$' | sort -u; } > "$file.new"
  mv "$file.new" "$file"
  if [ -n "$removed" ]; then
    for f in "$dir"/PublicAPI.*.txt; do
      grep -vxF -f <(printf '%s\n' "$removed") "$f" > "$f.new" || true
      mv "$f.new" "$f"
    done
  fi
done
printf '%s\n' "$out" | grep -E 'error' | head -20 || true
