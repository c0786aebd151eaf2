import logging

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.generic import TemplateView

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "pages/home.html"


class StatementView(TemplateView):
    """A statement written as one complete partial per language: pages/<statement>/<language>.html."""

    statement: str

    def get_template_names(self):
        return [f"pages/{self.statement}.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statement"] = loader.select_template(
            [
                f"pages/{self.statement}/{get_language()}.html",
                f"pages/{self.statement}/{settings.LANGUAGE_CODE}.html",
            ]
        )
        return context


class AccessibilityStatementView(StatementView):
    statement = "accessibility"


class PrivacyStatementView(StatementView):
    statement = "privacy"


# Django passes the exception that led here as `exception`; the pages do not show it.
def bad_request(request, *args, **kwargs):
    # Also what a form too large to read ends in (DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields): a page that
    # says what to do instead of Django's bare "Bad Request (400)".
    return render(request, "400.html", status=400)


def permission_denied(request, *args, **kwargs):
    return render(request, "403.html", status=403)


def page_not_found(request, *args, **kwargs):
    return render(request, "404.html", status=404)


def server_error(request):
    # 500.html needs no database; if even that fails (a broken template or context processor), the bare page.
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("Rendering the styled 500 page failed")
        return HttpResponseServerError(loader.get_template("500_plain.html").render())
