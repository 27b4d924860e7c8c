#!/usr/bin/env bash
# System packages the tests (and document checks) need, from Debian's packages:
#   poppler-utils (pdftotext, pdftoppm), LibreOffice (open generated DOCX/XLSX), Chromium (browser tests),
#   fonts-noto-cjk (CJK glyphs when LibreOffice and Chromium render Chinese).
# Idempotent: installs only what is missing. Needs root (apt-get).
set -euo pipefail
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
