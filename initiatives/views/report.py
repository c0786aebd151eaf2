"""Report outdated information: a short public form, no account. Spam robots that fill in the hidden field
get the thank-you page but nothing is stored; a limit per sender and per listing keeps floods out."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.generic import FormView

from .. import services
from ..forms import ReportOutdatedForm
from ..models import Initiative

# (limit, seconds): at most this many reports per sender per hour and per listing per day.
PER_SENDER = (5, 60 * 60)
PER_LISTING = (20, 24 * 60 * 60)
SENT_PARAMETER = "verzonden"


def _count(key: str, window: int) -> int:
    """Add one to a counter that expires `window` seconds after the first count; returns the new count."""
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def sender_key(request) -> str:
    """A keyed hash of the sender's IP address: the address itself is never stored, not even in the cache."""
    address = request.META.get("REMOTE_ADDR", "")
    digest = salted_hmac("initiatives.report", address, algorithm="sha256").hexdigest()
    return f"initiatives:report:sender:{digest}"


def over_limit(request, initiative: Initiative) -> bool:
    too_many_from_sender = _count(sender_key(request), PER_SENDER[1]) > PER_SENDER[0]
    listing_key = f"initiatives:report:listing:{initiative.pk}"
    too_many_for_listing = _count(listing_key, PER_LISTING[1]) > PER_LISTING[0]
    return too_many_from_sender or too_many_for_listing


class ReportOutdatedView(FormView):
    template_name = "initiatives/report/report_form.html"
    form_class = ReportOutdatedForm

    def dispatch(self, request, *args, **kwargs):
        self.initiative = get_object_or_404(Initiative.objects.published(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if SENT_PARAMETER in request.GET:
            return render(request, "initiatives/report/thanks.html", {"initiative": self.initiative})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)

    def form_valid(self, form):
        if over_limit(self.request, self.initiative):
            form.add_error(
                None,
                _(
                    "Many reports were sent in a short time, so this one was not sent. "
                    "Please try again later, or contact the initiative directly."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not form.is_spam():
            services.report_outdated(
                initiative=self.initiative,
                message=form.cleaned_data["message"],
                reply_email=form.cleaned_data["reply_email"],
            )
        url = reverse("initiatives:report", kwargs={"slug": self.initiative.slug})
        return redirect(f"{url}?{SENT_PARAMETER}=1")
