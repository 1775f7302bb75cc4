#!/usr/bin/env bash
# Runs every test: backend (real PostgreSQL), front-end unit tests, browser journeys in
# headless Chromium. Installs the Debian packages the tests need when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-test-tools.sh
mvn -B clean verify
