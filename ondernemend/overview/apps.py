from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    name = "ondernemend.overview"
    label = "overview"
    verbose_name = _("Network overview")

    def ready(self):
        from ondernemend.dashboard import register_dashboard_section

        register_dashboard_section("overview/dashboard.html", roles=("gemeente", "coordinator"))
