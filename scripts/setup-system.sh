#!/usr/bin/env bash
# System packages the tests (and document checks) need, from Debian's packages:
#   poppler-utils (pdftotext, pdftoppm), LibreOffice (open generated DOCX/XLSX), Chromium (browser tests),
#   fonts-noto-cjk (CJK glyphs when LibreOffice and Chromium render Chinese).
# Idempotent: installs only what is missing. Needs root (apt-get).
set -euo pipefail

# The streaming-replica test (src/ops/streaming-replica.db.test.ts) takes a pg_basebackup of the local PostgreSQL
# (127.0.0.1:5432) as `postgres`: replication connections match only lines naming `replication` (`all` does not).
# Stock Debian/Ubuntu clusters have such a line; a cluster whose pg_hba.conf lacks one gets one for 127.0.0.1,
# with the method its `host all all 127.0.0.1/32` line already uses, and a reload.
allow_local_replication() {
  command -v psql >/dev/null 2>&1 || return 0
  [ "$(id -u)" -eq 0 ] || return 0
  local hba
  hba=$(psql -w -h 127.0.0.1 -p 5432 -U postgres -XAtc 'show hba_file' 2>/dev/null) || return 0
  [ -w "$hba" ] || return 0
  grep -Eq '^[[:space:]]*host[a-z]*[[:space:]]+replication[[:space:]]' "$hba" && return 0
  local method
  method=$(awk '$1 == "host" && $2 == "all" && $4 == "127.0.0.1/32" { print $5; exit }' "$hba")
  [ -n "$method" ] || return 0
  # First match wins: the line goes first; written in place so the file keeps its owner and mode.
  local line="host replication postgres 127.0.0.1/32 $method"
  { echo "$line   # gongkai: scripts/setup-system.sh (streaming-replica test)"; cat "$hba"; } >"$hba.gongkai.tmp"
  cat "$hba.gongkai.tmp" >"$hba"
  rm -f "$hba.gongkai.tmp"
  psql -w -h 127.0.0.1 -p 5432 -U postgres -XAtqc 'select pg_reload_conf()' >/dev/null
  echo "pg_hba.conf: added \"$line\" ($hba) and reloaded"
}
allow_local_replication

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "installing: ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "these Debian packages are needed for the tests: ${need[*]} — run: sudo bash scripts/setup-system.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system packages installed"
