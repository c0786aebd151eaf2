from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin

from . import services


class LogOutEverywhereView(PermissionRequiredMixin, View):
    """The button in "Mijn omgeving": ends every session of this account, this one too."""

    permission_required = "accounts.log_out_everywhere"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.log_out_everywhere(request.user, by=request.user)
        logout(request)
        messages.success(request, _("You are logged out on all computers and phones, this one too."))
        return redirect("accounts:login")
