"""The coach area (DESIGN.md §3.2): only the series the user coaches; every read of a record is logged.

Objects come through workshops.access, which answers 404 for anything outside the user's own series, so
neither another coach nor municipal staff learn that a participant exists. Anonymous visitors log in first.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from ondernemend.permissions import PermissionRequiredMixin
from ondernemend.printing import absolute_reverse, qr_svg

from ..access import coached_registration_or_404, coached_series_or_404, coached_session_or_404, log_access
from ..enums import AccessAction
from ..exceptions import IntakeConflict
from ..forms.coach import AttendanceForm, IntakeForm, ReflectionForm, readable_answers
from ..participant_data import CONTACT, INTAKE_SUMMARY, rows
from ..queries import coach as queries
from ..queries.common import name_of
from ..series_names import first_start, series_name
from ..services import coaching
from ..suggestions import suggest_initiatives
from ..tokens import make_token


@method_decorator(never_cache, name="dispatch")
class CoachMixin(PermissionRequiredMixin):
    """Anonymous: to the log-in page; someone else's object: 404; the page itself is never cached.

    Each view on one object returns a workshops.access helper from `get_permission_object()`.
    """

    # Pages without a form send no referrer at all. A page with a form keeps the site's "same-origin"
    # (nothing leaves the site either): under "no-referrer" browsers send `Origin: null` with the POST,
    # and Django's CSRF check rightly refuses it.
    referrer_policy = "no-referrer"

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if self.referrer_policy:
            response["Referrer-Policy"] = self.referrer_policy
        return response


class CoachHomeView(CoachMixin, TemplateView):
    permission_required = "workshops.view_coach_home"
    template_name = "workshops/coach/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(series_list=queries.coached_series(self.request.user), **kwargs)


class SeriesParticipantsView(CoachMixin, TemplateView):
    permission_required = "workshops.view_series_participants"
    template_name = "workshops/coach/series.html"

    def get_permission_object(self):
        return coached_series_or_404(self.request.user, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        series = self.permission_object
        overview = queries.series_overview(series)
        name = series_name(series, first_start(overview["sessions"]))
        return super().get_context_data(series=series, series_name=name, **overview, **kwargs)


class ParticipantView(CoachMixin, TemplateView):
    permission_required = "workshops.view_registration"
    template_name = "workshops/coach/participant.html"

    def get_permission_object(self):
        return coached_registration_or_404(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        registration = self.permission_object
        log_access(registration.participant, user=self.request.user, action=AccessAction.VIEW)
        record = queries.participant_record(registration)
        return super().get_context_data(
            registration=registration,
            participant=registration.participant,
            series_name=series_name(registration.series, first_start(record["sessions"])),
            contact_rows=rows(registration.participant, CONTACT, own=False),
            intake_rows=rows(record["intake"], INTAKE_SUMMARY, own=False),
            **record,
            **kwargs,
        )


class IntakeReceiptView(CoachMixin, TemplateView):
    """A page to print and give to the participant after the intake: what was written down, who sees it,
    and their personal link with a QR code (DESIGN.md §2: the participant's own link)."""

    permission_required = "workshops.view_registration"
    template_name = "workshops/coach/receipt.html"

    def get_permission_object(self):
        return coached_registration_or_404(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        registration = self.permission_object
        log_access(registration.participant, user=self.request.user, action=AccessAction.VIEW)
        record_url = absolute_reverse("workshops:my_record", token=make_token(registration.participant))
        intake = queries.intake_of(registration)
        return super().get_context_data(
            registration=registration,
            participant=registration.participant,
            intake=intake,
            intake_rows=rows(intake),  # everything the intake holds, in the words of her own page
            first_session=queries.first_planned_session(registration.series),
            record_url=record_url,
            record_qr=qr_svg(record_url, title=_("QR code: your own page with your data")),
            **kwargs,
        )


class IntakeView(CoachMixin, FormView):
    """The intake; saving names the version it started from, so two coaches never overwrite each other."""

    referrer_policy = None  # the site's same-origin: see CoachMixin
    permission_required = "workshops.change_intake"
    template_name = "workshops/coach/intake.html"
    form_class = IntakeForm
    conflict = None

    def get_permission_object(self):
        return coached_registration_or_404(self.request.user, self.kwargs["pk"])

    def get_intake(self):
        return queries.intake_of(self.permission_object)

    def get(self, request, *args, **kwargs):
        log_access(self.permission_object.participant, user=request.user, action=AccessAction.VIEW)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.get_intake(),
            "participant": self.permission_object.participant,
        }

    def form_valid(self, form):
        registration = self.permission_object
        try:
            coaching.save_intake(
                registration=registration,
                answers=form.answers(),
                version=form.cleaned_data["version"],
                by=self.request.user,
            )
        except IntakeConflict as conflict:
            return self.show_conflict(form, conflict.current)
        messages.success(
            self.request,
            _("The intake of %(name)s is saved. Below you find places that may help.")
            % {"name": registration.participant.display_name},
        )
        return redirect(reverse("workshops:intake", kwargs={"pk": registration.pk}) + "#suggestions")

    def show_conflict(self, form, current):
        """Keep everything the coach typed; the form now carries the newest version, so saving again is a
        conscious choice to replace the other coach's answers."""
        participant = self.permission_object.participant
        participant.refresh_from_db()
        theirs = readable_answers(IntakeForm(instance=current, participant=participant))
        data = form.data.copy()
        data["version"] = current.version
        retry = IntakeForm(data=data, participant=participant)  # no instance: `current` stays as saved
        retry.is_valid()
        self.conflict = {"current": current, "answers": theirs}
        return self.render_to_response(self.get_context_data(form=retry))

    def get_context_data(self, **kwargs):
        registration = self.permission_object
        intake = self.get_intake()
        suggestions = suggest_initiatives(intake, registration.participant) if intake else []
        return super().get_context_data(
            registration=registration,
            participant=registration.participant,
            intake=intake,
            suggestions=suggestions,
            conflict=self.conflict,
            **kwargs,
        )


class AttendanceView(CoachMixin, FormView):
    """Everyone present by default; the coach changes only the exceptions and saves once."""

    referrer_policy = None  # the site's same-origin: see CoachMixin
    permission_required = "workshops.take_attendance"
    template_name = "workshops/coach/attendance.html"
    form_class = AttendanceForm

    def get_permission_object(self):
        return coached_session_or_404(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        session = self.permission_object
        return {
            **super().get_form_kwargs(),
            "registrations": queries.confirmed_registrations(session),
            "current": queries.attendance_statuses(session),
        }

    def form_valid(self, form):
        session = self.permission_object
        count = coaching.record_attendance(session=session, statuses=form.statuses(), by=self.request.user)
        messages.success(
            self.request,
            ngettext(
                "Attendance for session %(number)s is saved (%(count)s participant).",
                "Attendance for session %(number)s is saved (%(count)s participants).",
                count,
            )
            % {"number": session.number, "count": count},
        )
        return redirect("workshops:coach_series", slug=session.series.slug)

    def get_context_data(self, **kwargs):
        session = self.permission_object
        return super().get_context_data(
            session=session,
            series=session.series,
            series_name=name_of(session.series),
            already_recorded=bool(queries.attendance_statuses(session)),
            **kwargs,
        )


class ReflectionView(CoachMixin, FormView):
    referrer_policy = None  # the site's same-origin: see CoachMixin
    permission_required = "workshops.write_reflection"
    template_name = "workshops/coach/reflections.html"
    form_class = ReflectionForm

    def get_permission_object(self):
        return coached_session_or_404(self.request.user, self.kwargs["pk"])

    def form_valid(self, form):
        session = self.permission_object
        coaching.add_reflection(session=session, text=form.cleaned_data["text"], by=self.request.user)
        messages.success(self.request, _("Your note is saved."))
        return redirect("workshops:reflections", pk=session.pk)

    def get_context_data(self, **kwargs):
        session = self.permission_object
        return super().get_context_data(
            session=session,
            series=session.series,
            series_name=name_of(session.series),
            reflections=queries.session_reflections(session),
            **kwargs,
        )
