"""Report outdated information: a short public form, no account. Spam robots that fill in the hidden field
get the thank-you page but nothing is stored; a limit per sender and per listing keeps floods out."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ondernemend.throttle import RateLimit, RateLimited

from .. import services
from ..forms import ReportOutdatedForm
from ..models import Initiative

# At most this many reports per sender per hour, and per listing per day (from all senders together).
PER_SENDER = RateLimit("initiatives.report.sender", limit=5, window=60 * 60)
PER_LISTING = RateLimit("initiatives.report.listing", limit=20, window=24 * 60 * 60)
SENT_PARAMETER = "verzonden"


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
        # Both are counted on every attempt; the form keeps what was typed, so nothing is lost.
        sender_within_limit = PER_SENDER.hit(self.request)
        listing_within_limit = PER_LISTING.hit_for(str(self.initiative.pk))
        if not sender_within_limit:
            return self.refuse(form, RateLimited(PER_SENDER).message)
        if not listing_within_limit:
            return self.refuse(
                form,
                _(
                    "Many reports were sent in a short time, so this one was not sent. "
                    "Please try again later, or contact the initiative directly."
                ),
            )
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
