#!/usr/bin/env bash
# Builds everything and starts Village Points in demo mode at http://localhost:8080
# (or MICRONAUT_SERVER_PORT). Data, including the embedded PostgreSQL, stays in
# VP_DATA_DIR (default ./data), so running this again keeps what was entered.
set -euo pipefail
cd "$(dirname "$0")/.."
# Household cards (PDF/PNG) need a Chinese font; install Debian's when we may.
if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && [ -z "${VP_CJK_FONT:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null \
      || echo "warning: fonts-wqy-microhei not installed; card printing will be unavailable" >&2
  elif sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null || true
  else
    echo "note: install fonts-wqy-microhei (or set VP_CJK_FONT) to print household cards" >&2
  fi
fi
mvn -B -q clean package -DskipTests
export VP_DEMO=true
export VP_DATA_DIR="${VP_DATA_DIR:-$PWD/data}"
echo "Village Points: http://localhost:${MICRONAUT_SERVER_PORT:-8080}  (demo accounts in README.md)"
exec java ${JAVA_OPTS:-} -jar backend/target/backend-0.1.0-SNAPSHOT.jar
