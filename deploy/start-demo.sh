#!/usr/bin/env bash
# Builds everything and starts Village Points in demo mode at http://localhost:8080
# (or MICRONAUT_SERVER_PORT). Data, including the embedded PostgreSQL, stays in
# VP_DATA_DIR (default ./data), so running this again keeps what was entered.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q clean package -DskipTests
export VP_DEMO=true
export VP_DATA_DIR="${VP_DATA_DIR:-$PWD/data}"
echo "Village Points: http://localhost:${MICRONAUT_SERVER_PORT:-8080}  (demo accounts in README.md)"
exec java ${JAVA_OPTS:-} -jar backend/target/backend-0.1.0-SNAPSHOT.jar
