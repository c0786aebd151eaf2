"""The public side of the workshops: the agenda, a series with "what to expect", and the sign-up.

The sign-up form (docs/workshops-signup.md) carries a one-time key that this browser's session was given
when the form was shown; a key the session did not get is refused with a message, so a form replayed from
elsewhere can never show somebody else's registration. New sign-ups are rate-limited per client, and a
filled-in hidden trap field drops the sign-up quietly.
"""

import uuid

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from ondernemend.referrer import no_referrer
from ondernemend.throttle import RateLimit, RateLimited

from ..consent import CURRENT_VERSION, consent_text
from ..enums import Pictogram, RegistrationStatus
from ..forms.public import AgendaFilterForm, SignUpForm
from ..queries.common import has_finished, has_started, open_for_signup, places_left
from ..queries.public import next_session, public_series, signed_up_registration, upcoming_series
from ..services.signup import registration_for_key, sign_up
from ..tokens import make_token

SIGNED_UP_SESSION_KEY = "workshops_signed_up_registration"
ISSUED_KEYS_SESSION_KEY = "workshops_signup_keys"
ISSUED_KEYS_KEPT = 20  # forms opened in other tabs stay usable
# New sign-ups per client: enough for a family or a coach helping a few people on one phone, far below
# the seats of a series (one script took all 12 seats in 2.4 seconds).
SIGNUP_LIMIT = RateLimit("workshops.signup", limit=5, window=60 * 60)
KEY_NOT_ISSUED_MESSAGE = _(
    "This form is too old or was not opened here. Check your details and press the button again."
)


def issue_submission_key(session) -> uuid.UUID:
    """A new one-time key for a sign-up form shown in this browser, remembered in its session."""
    key = uuid.uuid4()
    session[ISSUED_KEYS_SESSION_KEY] = [
        *session.get(ISSUED_KEYS_SESSION_KEY, [])[1 - ISSUED_KEYS_KEPT :],
        str(key),
    ]
    return key


def was_issued(session, key: uuid.UUID) -> bool:
    return str(key) in session.get(ISSUED_KEYS_SESSION_KEY, [])


class AgendaView(TemplateView):
    template_name = "workshops/public/agenda.html"

    def get_context_data(self, **kwargs):
        form = AgendaFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        series = list(upcoming_series(district=filters.get("district"), language=filters.get("language", "")))
        now = timezone.now()
        for item in series:
            item.places_left = places_left(item)
            item.has_started = has_started(item, now)
            item.open_for_signup = open_for_signup(item, now)
        return super().get_context_data(
            form=form, series_list=series, filtered=bool(filters and any(filters.values())), **kwargs
        )


class PublicSeriesMixin:
    """Finds the published series of the URL, with its overview numbers, or answers 404."""

    require_open = False  # True: only while people can still sign up

    def dispatch(self, request, *args, **kwargs):
        self.series = public_series(kwargs["slug"])
        if self.series is None:
            raise Http404
        now = timezone.now()
        self.series.places_left = places_left(self.series)
        self.series.has_started = has_started(self.series, now)
        self.series.finished = has_finished(self.series, now)
        self.series.open_for_signup = open_for_signup(self.series, now)
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
        initial = {"consent_version": CURRENT_VERSION, "preferred_language": self.series.language}
        if self.request.method == "GET":
            initial["submission_key"] = issue_submission_key(self.request.session)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(consent=consent_text(get_language()), **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.caught_a_script:
            # No registration, and no error a script could learn from: it looks like any sign-up.
            return redirect("workshops:signup_done", slug=self.series.slug)
        if not form.is_valid():
            return self.form_invalid(form)
        key = form.cleaned_data["submission_key"]
        if not was_issued(request.session, key):
            form.data = form.data.copy()
            form.data[form.add_prefix("submission_key")] = str(issue_submission_key(request.session))
            return self.refuse(form, KEY_NOT_ISSUED_MESSAGE, status=400)
        if registration_for_key(key) is None:  # a resent form from this browser is not a new attempt
            try:
                SIGNUP_LIMIT.check(request)
            except RateLimited as error:
                return self.refuse(form, error.message, status=429)
        return self.form_valid(form)

    def refuse(self, form, message, *, status: int):
        """Show the form again with `message` above it; everything typed stays."""
        form.add_error(None, message)
        return self.render_to_response(self.get_context_data(form=form), status=status)

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
        registration = signed_up_registration(request.session.get(SIGNED_UP_SESSION_KEY), kwargs["slug"])
        if registration is None:
            return redirect("workshops:series", slug=kwargs["slug"])
        context = self.get_context_data(
            registration=registration,
            series=registration.series,
            has_place=registration.status == RegistrationStatus.CONFIRMED,
            has_coach=registration.series.coaches.exists(),
            first_session=next_session(registration.series),
            record_token=make_token(registration.participant),
        )
        return no_referrer(self.render_to_response(context))
