"""The public side of the workshops: the agenda, a series with "what to expect", and the sign-up."""

import uuid

from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from .. import queries
from ..consent import CURRENT_VERSION, consent_text
from ..enums import Pictogram, RegistrationStatus
from ..forms.signup import AgendaFilterForm, SignUpForm
from ..models import Registration
from ..services.signup import sign_up
from ..tokens import make_token

SIGNED_UP_SESSION_KEY = "workshops_signed_up_registration"


def no_referrer(response):
    response["Referrer-Policy"] = "no-referrer"
    return response


class AgendaView(TemplateView):
    template_name = "workshops/public/agenda.html"

    def get_context_data(self, **kwargs):
        form = AgendaFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        series = list(
            queries.upcoming_series(district=filters.get("district"), language=filters.get("language", ""))
        )
        for item in series:
            item.places_left = queries.places_left(item)
        return super().get_context_data(
            form=form, series_list=series, filtered=bool(filters and any(filters.values())), **kwargs
        )


class PublicSeriesMixin:
    """Finds the published series of the URL, with its overview numbers, or answers 404."""

    require_open = False  # True: only while people can still sign up

    def dispatch(self, request, *args, **kwargs):
        self.series = queries.public_series(kwargs["slug"])
        if self.series is None:
            raise Http404
        self.series.places_left = queries.places_left(self.series)
        self.series.open_for_signup = queries.open_for_signup(self.series)
        if self.require_open and not self.series.open_for_signup:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)


class SeriesView(PublicSeriesMixin, TemplateView):
    template_name = "workshops/public/series.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pictograms=Pictogram, **kwargs)


@method_decorator(never_cache, name="dispatch")
class SignUpView(PublicSeriesMixin, FormView):
    template_name = "workshops/public/signup.html"
    form_class = SignUpForm

    require_open = True

    def get_initial(self):
        return {
            "submission_key": uuid.uuid4(),
            "consent_version": CURRENT_VERSION,
            "preferred_language": self.series.language,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(consent=consent_text(get_language()), **kwargs)

    # No "no-referrer" on the form page: browsers then send `Origin: null` with the POST, which fails the
    # CSRF origin check. The form's URL holds nothing personal; the default "same-origin" policy applies.

    def form_valid(self, form):
        data = form.cleaned_data
        registration = sign_up(
            series=self.series,
            submission_key=data["submission_key"],
            display_name=data["display_name"],
            email=data["email"],
            phone=data["phone"],
            district=data["district"],
            preferred_language=data["preferred_language"],
            consent=consent_text(get_language(), data["consent_version"]),
        )
        self.request.session[SIGNED_UP_SESSION_KEY] = registration.pk
        return redirect("workshops:signup_done", slug=registration.series.slug)


@method_decorator(never_cache, name="dispatch")
class SignUpDoneView(TemplateView):
    """The confirmation; the registration comes from the visitor's session, never from the URL."""

    template_name = "workshops/public/signup_done.html"

    def get(self, request, *args, **kwargs):
        registration = (
            Registration.objects.select_related("participant", "series", "series__initiative")
            .filter(pk=request.session.get(SIGNED_UP_SESSION_KEY), series__slug=kwargs["slug"])
            .first()
        )
        if registration is None:
            return redirect("workshops:series", slug=kwargs["slug"])
        context = self.get_context_data(
            registration=registration,
            series=registration.series,
            has_place=registration.status == RegistrationStatus.CONFIRMED,
            record_token=make_token(registration.participant),
        )
        return no_referrer(self.render_to_response(context))
