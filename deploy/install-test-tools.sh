#!/usr/bin/env bash
# Installs Debian's Chromium (browser journeys), ffmpeg (fake camera video), zbar-tools and
# poppler-utils (independent QR and PDF decoding), and postgresql-client (pg_dump and
# pg_restore for the backup/restore test) when missing. Uses sudo when not root.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v pg_dump >/dev/null || ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1 \
  || missing+=(postgresql-client)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing test tools: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
