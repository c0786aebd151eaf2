from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ondernemend.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from .sessions import signals  # noqa: F401 (connects the log-in receiver)
