#!/bin/sh
# Photographs every main page at 390×844 (phone) and 1280×800 (laptop) into docs/screenshots/, by
# running the browser layout tests (which also check axe, sideways scrolling and the current-page mark).
set -eu
cd "$(dirname "$0")/.."
dotnet build tests/Trellis.EndToEnd.Tests -v quiet -nologo -clp:ErrorsOnly
TRELLIS_SCREENSHOTS="$PWD/docs/screenshots" dotnet test --project tests/Trellis.EndToEnd.Tests --no-build \
  --filter-class 'Trellis.EndToEnd.Tests.LayoutTests' --minimum-expected-tests 1
ls docs/screenshots
