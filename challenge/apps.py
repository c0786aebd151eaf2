from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengeConfig(AppConfig):
    name = "challenge"
    verbose_name = _("Challenge")

    def ready(self):
        from ondernemend.dashboard import register_dashboard_section

        register_dashboard_section(
            "challenge/dashboard.html", roles=("initiatiefnemer", "jurylid", "gemeente", "coordinator")
        )
