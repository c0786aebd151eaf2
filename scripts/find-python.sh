#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 to build .venv with, or explains what to do and fails.
set -euo pipefail
candidates=("${PYTHON:-}" python3 python3.13 python3.12 python)
for cand in "${candidates[@]}"; do
  [ -n "$cand" ] || continue
  path=$(command -v "$cand" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    "$path" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
found=$(python3 --version 2>&1 || echo "no python3")
cat >&2 <<MSG

  This project needs Python 3.12 or newer (Django 6 does not run on older versions).
  Found: ${found}.

  Install Python 3.12 (for example 'pyenv install 3.12' — the repository's .python-version
  then selects it — or your system's python3.12 package) and run make again, or point
  make at one:  make PYTHON=/path/to/python3.12 ...

MSG
exit 1
