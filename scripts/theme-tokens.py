#!/usr/bin/env python3
"""Lists the `--ams-*` design tokens the bundled Amsterdam Design System components read.

    scripts/theme-tokens.py            every token static/vendor/ams/components.css reads, one a line
    scripts/theme-tokens.py --missing  only those static/css/theme.css does not define yet

The open project theme (static/css/theme.css) must define every one of them;
tests/ondernemend/pages/test_theme.py checks the same.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ROOT / "static" / "vendor" / "ams" / "components.css"
THEME = ROOT / "static" / "css" / "theme.css"

READ = re.compile(r"var\(\s*(--ams-[a-z0-9-]+)")
DEFINED = re.compile(r"(?<![\w-])(--ams-[a-z0-9-]+)\s*:")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def tokens_read(css: str) -> set[str]:
    return set(READ.findall(COMMENT.sub("", css)))


def tokens_defined(css: str) -> set[str]:
    return set(DEFINED.findall(COMMENT.sub("", css)))


def main(argv: list[str]) -> int:
    if not COMPONENTS.exists():
        print(f"{COMPONENTS} is missing: run scripts/vendor-static.sh first.", file=sys.stderr)
        return 2
    components = COMPONENTS.read_text()
    # The components define a few tokens themselves for the whole page (the safe-area insets at :root).
    wanted = tokens_read(components) - {t for t in tokens_defined(components) if "safe-area" in t}
    if "--missing" in argv:
        wanted -= tokens_defined(THEME.read_text())
    for token in sorted(wanted):
        print(token)
    return 1 if "--missing" in argv and wanted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
