#!/usr/bin/env bash
# Regenerates the README screenshots from maps/: `make screenshots` (or: scripts/screenshots.sh [JOURNEYCTL]).
# Needs Debian's chromium and poppler-utils (pdftoppm): apt-get install -y chromium poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
JOURNEYCTL=${1:-journeyctl}
for tool in chromium pdftoppm; do  # check first: never leave one image new and the other old
  command -v "$tool" >/dev/null || { echo "screenshots need $tool: apt-get install -y chromium poppler-utils" >&2; exit 1; }
done
OUT=build/screenshots
MAP=enterprise-laer
rm -rf "$OUT" && mkdir -p "$OUT" docs/images
"$JOURNEYCTL" render maps/ --format html --audience internal --out "$OUT/internal" >/dev/null
"$JOURNEYCTL" render maps/ --format pdf --audience customer --out "$OUT/customer" >/dev/null
# The HTML map: the top of the internal page (header, emotion curve, swimlane grid).
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$OUT/chromium-profile" --hide-scrollbars \
  --window-size=1400,1700 --screenshot="docs/images/html-map.png" "file://$PWD/$OUT/internal/$MAP.html" 2>/dev/null
# A page of the customer PDF: page 3, the first phase with its touchpoint cards.
pdftoppm -png -r 70 -f 3 -l 3 -singlefile "$OUT/customer/$MAP.pdf" docs/images/pdf-page
echo "wrote docs/images/html-map.png and docs/images/pdf-page.png"
