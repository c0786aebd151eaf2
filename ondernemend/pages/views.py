import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.generic import TemplateView

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "pages/home.html"


class AccessibilityStatementView(TemplateView):
    template_name = "pages/accessibility.html"


class PrivacyStatementView(TemplateView):
    template_name = "pages/privacy.html"


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # The error may come from a context processor or the database: fall back to the bare template.
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Rendering the styled 500 page failed")
        return HttpResponseServerError(loader.get_template("500_plain.html").render())
