#!/usr/bin/env bash
# Set up (first run only) and run every check: lint, types, layering, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# xvfb: one test starts the app on a real (virtual) X display, as a clinic's screen would
SDM_EXTRA_APT="xvfb xauth ${SDM_EXTRA_APT:-}" ./scripts/setup.sh
export PATH="$HOME/.local/bin:$PATH" UV_PYTHON_DOWNLOADS=never QT_QPA_PLATFORM=offscreen
echo "== ruff" && uv run --locked ruff check . && uv run --locked ruff format --check .
echo "== mypy" && uv run --locked mypy
echo "== import-linter" && uv run --locked lint-imports
echo "== bundled aids" && uv run --locked sdm validate
echo "== pytest" && uv run --locked pytest "$@"
