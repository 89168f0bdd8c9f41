#!/usr/bin/env bash
# Refreshes translations/mailflow-workbench_<lang>.ts from the sources with lupdate: new strings
# come in as "unfinished", strings that are gone are dropped. Translate the unfinished ones
# (Qt Linguist, or by editing the XML), then commit the .ts files; the build compiles them.
# Usage: scripts/update-translations.sh [lang...]      (default: de fr)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
if [ ! -x "$lupdate" ]; then
  lupdate=$(command -v lupdate6 || command -v lupdate || true)
fi
if [ -z "$lupdate" ]; then
  echo "update-translations: lupdate not found (Debian: qt6-l10n-tools)" >&2
  exit 1
fi
langs=("$@")
if [ ${#langs[@]} -eq 0 ]; then langs=(de fr); fi
cd "$root"
for lang in "${langs[@]}"; do
  "$lupdate" -silent -no-obsolete -locations relative -extensions cpp,h -I "$root" \
    views app model -ts "translations/mailflow-workbench_${lang}.ts" -target-language "$lang"
  unfinished=$(grep -c 'type="unfinished"' "translations/mailflow-workbench_${lang}.ts" || true)
  echo "update-translations: $lang: $unfinished unfinished"
done
