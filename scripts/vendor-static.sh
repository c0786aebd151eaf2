#!/usr/bin/env bash
# Copies the front-end packages that node_modules holds into the git-ignored static/vendor folder.
# Only the Amsterdam Design System components the templates use are bundled (one CSS file).
set -euo pipefail
cd "$(dirname "$0")/.."
ams=node_modules/@amsterdam/design-system-css/dist
font=node_modules/@fontsource/atkinson-hyperlegible/files
components=(
  skip-link page page-header page-footer link link-list standalone-link heading paragraph
  unordered-list ordered-list grid column row gap margin prose visually-hidden
  button field field-set label hint error-message invalid-form-alert text-input password-input
  select checkbox radio text-area alert badge table pagination breadcrumb card description-list
)
out=static/vendor
rm -rf "$out"
mkdir -p "$out/ams" "$out/fonts"
for component in "${components[@]}"; do
  cat "$ams/$component/$component.css"
  printf '\n'
done > "$out/ams/components.css"
cp node_modules/@amsterdam/design-system-css/LICENSE* "$out/ams/" 2>/dev/null || true
cp "$font"/atkinson-hyperlegible-latin{,-ext}-{400,700}-{normal,italic}.woff{,2} "$out/fonts/"
cp node_modules/@fontsource/atkinson-hyperlegible/LICENSE "$out/fonts/" 2>/dev/null || true
touch "$out/.installed"
