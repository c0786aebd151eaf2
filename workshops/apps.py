from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from ondernemend.audit.masking import register_personal_app
        from ondernemend.audit.sources import register_trail_source
        from ondernemend.dashboard import register_dashboard_section

        from .queries.trail import ACCESS_LOG

        register_dashboard_section("workshops/dashboard.html", roles=("coach", "gemeente", "coordinator"))
        # Everything but series and sessions is about participants: the audit log keeps field names only.
        register_personal_app("workshops", except_models=["series", "session"])
        # The participants' access log joins the coördinators' audit trail (/logboek/).
        register_trail_source(ACCESS_LOG)
