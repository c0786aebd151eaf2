"""The dashboard ("Mijn omgeving") is put together from one section per app: each app owns its own texts.

An app registers its section in its AppConfig.ready():

    register_dashboard_section("workshops/dashboard.html", roles=("coach", "coordinator"))

The template holds one `{% partialdef %}` per role it has something for, named after the role (a Role value,
or "beheerder" for the technical administrator), each a few `<li>` items. Under each of the user's roles the
dashboard (ondernemend/accounts/templates/accounts/dashboard.html) lists the base's own items and then every
app's part for that role, in the order of INSTALLED_APPS. The base never imports an app: apps call in.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DashboardSection:
    template_name: str
    roles: frozenset[str]


_sections: list[DashboardSection] = []


def register_dashboard_section(template_name: str, *, roles) -> None:
    section = DashboardSection(template_name, frozenset(roles))
    if section not in _sections:  # ready() may run again, e.g. in a test that reloads the apps
        _sections.append(section)


def dashboard_parts(roles) -> dict[str, list[str]]:
    """For each of `roles`, the template partials ("workshops/dashboard.html#coach") to show, in app order."""
    return {
        role: [f"{section.template_name}#{role}" for section in _sections if role in section.roles]
        for role in roles
    }
