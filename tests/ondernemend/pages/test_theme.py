"""The open project theme defines every design token the bundled design system components read."""

import json
import re

from django.conf import settings

VENDOR = settings.BASE_DIR / "static" / "vendor"
COMPONENTS_CSS = VENDOR / "ams" / "components.css"
THEME_CSS = settings.BASE_DIR / "static" / "css" / "theme.css"

COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
TOKEN_READ = re.compile(r"var\(\s*(--ams-[a-z0-9-]+)")
TOKEN_DEFINED = re.compile(r"(?<![\w-])(--[a-z0-9-]+)\s*:")
OWN_TOKEN_READ = re.compile(r"var\(\s*(--op-[a-z0-9-]+)")


def css(path) -> str:
    assert path.exists(), f"{path} is missing: run scripts/vendor-static.sh (part of `make setup`)"
    return COMMENT.sub("", path.read_text())


def test_theme_defines_every_token_the_components_read():
    components = css(COMPONENTS_CSS)
    read = set(TOKEN_READ.findall(components))
    # The components declare only the safe-area insets for the whole page themselves (at :root).
    declared_for_page = {token for token in TOKEN_DEFINED.findall(components) if "safe-area" in token}

    missing = read - declared_for_page - set(TOKEN_DEFINED.findall(css(THEME_CSS)))

    assert len(read) > 400
    assert sorted(missing) == []


def test_theme_defines_only_tokens_the_components_read_besides_its_own_base_values():
    theme = css(THEME_CSS)
    read = set(TOKEN_READ.findall(css(COMPONENTS_CSS)))

    unused = {token for token in TOKEN_DEFINED.findall(theme) if token.startswith("--ams-")} - read

    assert sorted(unused) == []


def test_theme_base_values_are_all_defined():
    theme = css(THEME_CSS)
    defined = set(TOKEN_DEFINED.findall(theme))
    for stylesheet in (theme, css(settings.BASE_DIR / "static" / "css" / "app.css")):
        assert sorted(set(OWN_TOKEN_READ.findall(stylesheet)) - defined) == []


def test_theme_fonts_point_at_the_bundled_atkinson_hyperlegible_files():
    fonts = re.findall(r'url\("\.\./vendor/fonts/([^"]+)"\)', css(THEME_CSS))

    assert len(fonts) == 12
    assert all(name.startswith("atkinson-hyperlegible-") for name in fonts)
    assert [name for name in fonts if not (VENDOR / "fonts" / name).exists()] == []


def test_city_proprietary_theme_is_not_a_dependency():
    package = json.loads((settings.BASE_DIR / "package.json").read_text())
    names = {*package.get("dependencies", {}), *package.get("devDependencies", {})}

    assert "@amsterdam/design-system-tokens" not in names
    assert "@amsterdam/design-system-assets" not in names
    assert "design-system-tokens" not in css(THEME_CSS)


def test_bundled_components_have_no_source_map_references():
    # collectstatic's manifest storage refuses CSS that refers to a file it cannot find.
    assert "sourceMappingURL" not in COMPONENTS_CSS.read_text()
