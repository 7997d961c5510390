#!/usr/bin/env bash
# Re-extract the interface strings and merge them into every language's catalog.
# See docs/translating.md.
set -euo pipefail
cd "$(dirname "$0")/.."
uv run pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location --sort-output \
  --project sdm-app --copyright-holder "sdm-app contributors" --msgid-bugs-address "" \
  -o translations/messages.pot .
for po in translations/*/LC_MESSAGES/messages.po; do
  uv run pybabel update --no-fuzzy-matching --ignore-obsolete -i translations/messages.pot \
    -l "$(basename "$(dirname "$(dirname "$po")")")" -o "$po"
done
