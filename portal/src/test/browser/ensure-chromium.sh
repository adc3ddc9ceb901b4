#!/usr/bin/env bash
# Run by the portal's test build before the tests: the browser tests drive Debian's Chromium, Chinese text needs a
# CJK font (also embedded in PDF exports), and the export tests read PDFs back with poppler's tools. Installs them
# when missing and we are root; otherwise says exactly what to install.
set -euo pipefail
have_chromium() { [ -x /usr/bin/chromium ]; }
# grep reads all of fc-list's output: with -q it would stop early, and pipefail would count the SIGPIPE
have_cjk_font() { fc-list : family 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; }
have_poppler() { command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null && command -v pdftotext >/dev/null; }
if have_chromium && have_cjk_font && have_poppler; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium, CJK fonts and poppler-utils for the browser and export tests (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig poppler-utils >/dev/null
  exit 0
fi
echo "The browser and export tests need Chromium at /usr/bin/chromium, the Noto CJK fonts and poppler-utils." >&2
echo "Install them as root:  apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2
exit 1
