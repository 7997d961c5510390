#!/usr/bin/env bash
# Set up (first run only) and start sdm-app with the bundled decision aids.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.local/bin:$PATH" UV_PYTHON_DOWNLOADS=never
exec uv run --locked sdm-app "$@"
