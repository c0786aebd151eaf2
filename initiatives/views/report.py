"""Report outdated information: a short public form, no account. Spam robots that fill in the hidden field
get the thank-you page but nothing is stored; a limit per sender and per listing keeps floods out."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import FormView

from ondernemend.permissions import PermissionRequiredMixin
from ondernemend.throttle import RateLimit, RateLimited

from .. import services
from ..access import published_initiative_or_404
from ..exceptions import ListingReportsLimited
from ..forms.report import ReportOutdatedForm

# At most this many reports per sender per hour, and per listing per day (from all senders together).
PER_SENDER = RateLimit("initiatives.report.sender", limit=5, window=60 * 60)
PER_LISTING = RateLimit("initiatives.report.listing", limit=20, window=24 * 60 * 60)
SENT_PARAMETER = "verzonden"


def check_report_limits(request, initiative) -> None:
    """Count this attempt against both limits (both on every attempt); raise when one is exceeded."""
    sender_within_limit = PER_SENDER.hit(request)
    listing_within_limit = PER_LISTING.hit_for(str(initiative.pk))
    if not sender_within_limit:
        raise RateLimited(PER_SENDER)
    if not listing_within_limit:
        raise ListingReportsLimited


class ReportOutdatedView(PermissionRequiredMixin, FormView):
    permission_required = "initiatives.view_map"
    template_name = "initiatives/report/report_form.html"
    form_class = ReportOutdatedForm

    def get_permission_object(self):
        return published_initiative_or_404(self.kwargs["slug"])

    @property
    def initiative(self):
        return self.permission_object

    def get(self, request, *args, **kwargs):
        if SENT_PARAMETER in request.GET:
            return render(request, "initiatives/report/thanks.html", {"initiative": self.initiative})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)

    def form_valid(self, form):
        try:
            check_report_limits(self.request, self.initiative)
        except (RateLimited, ListingReportsLimited) as refusal:
            return self.refuse(form, refusal.message)  # the form keeps what was typed, so nothing is lost
        if not form.is_spam():
            services.report_outdated(
                initiative=self.initiative,
                message=form.cleaned_data["message"],
                reply_email=form.cleaned_data["reply_email"],
            )
        url = reverse("initiatives:report", kwargs={"slug": self.initiative.slug})
        return redirect(f"{url}?{SENT_PARAMETER}=1")

    def refuse(self, form, message: str):
        form.add_error(None, message)
        response = self.form_invalid(form)
        response.status_code = 429
        return response
