#!/usr/bin/env bash
# Copies the front-end packages that node_modules holds into the git-ignored static/vendor folder.
# Only the Amsterdam Design System components the templates use are bundled (one CSS file). When you add a
# component here, run `scripts/theme-tokens.py --missing` and define the tokens it reads in static/css/theme.css
# (tests/ondernemend/pages/test_theme.py fails until you do).
set -euo pipefail
cd "$(dirname "$0")/.."
ams=node_modules/@amsterdam/design-system-css/dist
font=node_modules/@fontsource/atkinson-hyperlegible/files
components=(
  # page frame and text
  skip-link page-header page-footer heading paragraph link link-list standalone-link
  unordered-list description-list table prose visually-hidden icon alert
  # forms (templates/ams, the crispy template pack)
  button field field-set label hint error-message invalid-form-alert
  text-input password-input date-input time-input text-area select checkbox radio
)
out=static/vendor
rm -rf "$out"
mkdir -p "$out/ams" "$out/fonts"
for component in "${components[@]}"; do
  # Drop the source-map comments: the maps are not copied, and the manifest storage of collectstatic
  # refuses CSS that refers to a missing file.
  sed -e 's|/\*# sourceMappingURL=[^*]*\*/||g' "$ams/$component/$component.css"
  printf '\n'
done > "$out/ams/components.css"
cp node_modules/@amsterdam/design-system-css/LICENSE* "$out/ams/" 2>/dev/null || true
cp "$font"/atkinson-hyperlegible-latin{,-ext}-{400,700}-{normal,italic}.woff{,2} "$out/fonts/"
cp node_modules/@fontsource/atkinson-hyperlegible/LICENSE "$out/fonts/" 2>/dev/null || true
touch "$out/.installed"
