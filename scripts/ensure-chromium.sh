#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists; prints its path on the last line.
set -euo pipefail
find_chromium() {
  for cand in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$cand" ] && [ -x "$cand" ] && { echo "$cand"; return 0; }
  done
  return 1
}
if path=$(find_chromium); then echo "$path"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium is missing: installing Debian's chromium package (about 30 s)." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
  find_chromium && exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium, and it is not installed.
Install Debian's package (as root):  apt-get update && apt-get install -y chromium
or point the tests at a Chromium you have:  CHROMIUM_PATH=/path/to/chromium make test
MSG
exit 1
