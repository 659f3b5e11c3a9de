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
"$JOURNEYCTL" render maps/ --format html --audience internal --date 2027-01-10 --out "$OUT/internal" >/dev/null
# The customer PDF of the example account (a fixed date: the same images on every run).
"$JOURNEYCTL" render "maps/$MAP.yaml" maps/catalog.yaml --account examples/accounts/acme.yaml --date 2027-01-10 \
  --format pdf --audience customer --out "$OUT/customer" >/dev/null
# The HTML map: the top of the internal page (header, emotion curve, swimlane grid).
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$OUT/chromium-profile" --hide-scrollbars \
  --window-size=1400,1700 --screenshot="docs/images/html-map.png" "file://$PWD/$OUT/internal/$MAP.html" 2>/dev/null
# The customer PDF: page 1, the journey on one page, and page 2, the first phase with its cards.
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$OUT/customer/$MAP.pdf" docs/images/pdf-map
pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$OUT/customer/$MAP.pdf" docs/images/pdf-page
echo "wrote docs/images/html-map.png, docs/images/pdf-map.png and docs/images/pdf-page.png"
