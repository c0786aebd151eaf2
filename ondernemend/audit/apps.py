from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "ondernemend.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from ondernemend.dashboard import register_dashboard_section

        register_dashboard_section("audit/dashboard.html", roles=("coordinator",))
