"""Coördinators: the list of series, a series' settings and its sessions (rules: workshops.*_series)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from ..access import (
    grant_reasoned_access,
    log_access,
    reasoned_registration_or_404,
    series_or_404,
    session_in_series_or_404,
)
from ..enums import AccessAction
from ..exceptions import SeriesWithoutCoach
from ..forms.manage import ReasonForAccessForm, SeriesForm, SessionForm
from ..models import Series, Session
from ..queries.common import places_left, rule_exceeds_plan
from ..queries.manage import manage_list, sessions_of
from ..queries.record import participant_record_context
from ..services import series as services

CANCEL_FIELD = "cancel_session"
RESTORE_FIELD = "restore_session"
EDIT_PARAM = "bijeenkomst"  # a session pk


class SeriesListView(PermissionRequiredMixin, TemplateView):
    permission_required = "workshops.add_series"
    template_name = "workshops/manage/series_list.html"

    def get_context_data(self, **kwargs):
        series_list = list(manage_list())
        for series in series_list:
            series.places_left = places_left(series)
            series.rule_problem = rule_exceeds_plan(series, series.planned_sessions)
            series.without_coach = not series.has_coach
        return super().get_context_data(series_list=series_list, **kwargs)


class SeriesFormMixin:
    template_name = "workshops/manage/series_form.html"
    form_class = SeriesForm

    def save_series(self, form) -> Series | None:
        """The saved series, or None when the service refused it (the reason is then on the form)."""
        try:
            return services.save_series(
                form.save(commit=False), coaches=form.cleaned_data["coaches"], by=self.request.user
            )
        except SeriesWithoutCoach as error:
            form.add_error("coaches", error.message)
            return None


class SeriesCreateView(PermissionRequiredMixin, SeriesFormMixin, FormView):
    permission_required = "workshops.add_series"

    def form_valid(self, form):
        series = self.save_series(form)
        if series is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The series “%(title)s” has been made. Now plan its sessions.") % {"title": series.title},
        )
        return redirect("workshops:sessions", slug=series.slug)


class SeriesUpdateView(PermissionRequiredMixin, SeriesFormMixin, FormView):
    permission_required = "workshops.change_series"

    def get_permission_object(self):
        return series_or_404(self.request.user, self.kwargs["slug"])

    @property
    def series(self) -> Series:
        return self.permission_object

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.series}

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)

    def form_valid(self, form):
        series = self.save_series(form)
        if series is None:
            return self.form_invalid(form)
        messages.success(self.request, _("The changes to “%(title)s” are saved.") % {"title": series.title})
        return redirect("workshops:manage")


class SessionsView(PermissionRequiredMixin, View):
    """The sessions of a series, one form at a time: add a session, or change the one chosen."""

    permission_required = "workshops.change_series"
    template_name = "workshops/manage/sessions.html"

    def get_permission_object(self):
        return series_or_404(self.request.user, self.kwargs["slug"])

    @property
    def series(self) -> Series:
        return self.permission_object

    def form_for(self, session: Session | None, data=None) -> SessionForm:
        instance = session or Session(series=self.series)
        initial = {} if session else {"number": services.next_session_number(self.series)}
        return SessionForm(data, instance=instance, initial=initial, series=self.series)

    def render(self, form, status=200):
        sessions = sessions_of(self.series)
        planned = sum(1 for session in sessions if not session.cancelled)
        context = {
            "series": self.series,
            "sessions": sessions,
            "planned": planned,
            "rule_problem": rule_exceeds_plan(self.series, planned),
            "form": form,
            "editing": form.instance.pk is not None,
            "edit_param": EDIT_PARAM,
            "cancel_field": CANCEL_FIELD,
            "restore_field": RESTORE_FIELD,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render(self.form_for(session_in_series_or_404(self.series, request.GET.get(EDIT_PARAM))))

    def post(self, request, *args, **kwargs):
        for field, cancelled in ((CANCEL_FIELD, True), (RESTORE_FIELD, False)):
            if field in request.POST:
                session = session_in_series_or_404(self.series, request.POST[field])
                if session is None:
                    break
                services.set_session_cancelled(session, cancelled=cancelled, by=request.user)
                if cancelled:
                    text = _("Session %(number)s is cancelled. It does not count for the certificate.")
                else:
                    text = _("Session %(number)s takes place again.")
                messages.success(request, text % {"number": session.number})
                return redirect("workshops:sessions", slug=self.series.slug)
        form = self.form_for(
            session_in_series_or_404(self.series, request.POST.get(EDIT_PARAM)), request.POST
        )
        if not form.is_valid():
            return self.render(form)
        session = services.save_session(form.save(commit=False), by=request.user)
        messages.success(request, _("Session %(number)s is saved.") % {"number": session.number})
        return redirect("workshops:sessions", slug=self.series.slug)


@method_decorator(never_cache, name="dispatch")
class ReasonedAccessView(PermissionRequiredMixin, View):
    """A coördinator opens a participant record (pk: a registration) only after giving a reason.

    The form page shows nothing about the person; the record is only in the answer to the POST with a
    reason, and that read is written to the access log with the reason.
    """

    permission_required = "workshops.open_participant_record_with_reason"
    template_name = "workshops/record/reasoned_access.html"

    def get_permission_object(self):
        return reasoned_registration_or_404(self.request.user, self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, {"form": ReasonForAccessForm()})

    def post(self, request, *args, **kwargs):
        participant = self.permission_object.participant
        form = ReasonForAccessForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        reason = form.cleaned_data["reason"]
        grant_reasoned_access(request, participant, reason)
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            # Sent here by a page on this participant (certificate, revoke, PDF): that page is what the
            # coördinator reads now, and it logs the read with this reason (workshops.access).
            return redirect(next_url)
        log_access(participant, user=request.user, action=AccessAction.VIEW, reason=reason)
        context = {"reason": reason, **participant_record_context(participant)}
        return render(request, self.template_name, context)
