from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Map: initiatives and contact points")

    def ready(self):
        from ondernemend.dashboard import register_dashboard_section

        register_dashboard_section(
            "initiatives/dashboard.html", roles=("initiatiefnemer", "gemeente", "coordinator")
        )
