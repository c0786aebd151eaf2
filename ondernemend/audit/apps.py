from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "ondernemend.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from ondernemend.dashboard import register_dashboard_section

        from .admin_log import ADMIN_LOG
        from .sources import register_trail_source

        register_dashboard_section("audit/dashboard.html", roles=("coordinator",))
        # What the beheerder changes in the Django admin joins the trail too.
        register_trail_source(ADMIN_LOG)
