"""The participant's own link: no account, only the signed token in the address (workshops.tokens).

Each page is never cached and sends no referrer, so the token does not travel to other sites. An unknown,
broken or anonymised token answers 404.
"""

import json

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from ondernemend.accounts.roles import Role

from ..enums import LearningPreference, PracticalNeed, ReferralWish
from ..models import AccessLogEntry, Certificate, Participant, Registration
from ..services import certificates as certificate_services
from ..services import privacy
from ..tokens import participant_for_token


@method_decorator(never_cache, name="dispatch")
class ParticipantTokenView(View):
    def dispatch(self, request, *args, token, **kwargs):
        self.token = token
        self.participant = participant_for_token(token)
        if self.participant is None:
            raise Http404
        response = super().dispatch(request, *args, **kwargs)
        # "same-origin", not "no-referrer": the token in the address never leaves the site either way, and
        # under "no-referrer" browsers send `Origin: null` with this page's forms, which CSRF refuses.
        response["Referrer-Policy"] = "same-origin"
        return response


class MyRecordView(ParticipantTokenView):
    template_name = "workshops/record/my_record.html"

    def get(self, request):
        context = {"token": self.token, **participant_record_context(self.participant)}
        return render(request, self.template_name, context)


def participant_record_context(participant: Participant) -> dict:
    """What the record pages show: the participant, their registrations (with intake, attendance and
    certificate), consents and the access log. Also used by the coördinator's reasoned access."""
    registrations = list(
        Registration.objects.filter(participant=participant)
        .select_related("series__initiative", "intake", "certificate")
        .prefetch_related("attendance__session")
    )
    for registration in registrations:
        registration.intake_or_none = _related_or_none(registration, "intake")
        registration.intake_lists = _intake_lists(registration.intake_or_none)
        registration.certificate_or_none = _related_or_none(registration, "certificate")
        registration.attendance_list = sorted(registration.attendance.all(), key=lambda a: a.session.number)
    access_log = list(AccessLogEntry.objects.filter(participant=participant))
    for entry in access_log:
        entry.role_label = role_label(entry.role)
    return {
        "participant": participant,
        "registrations": registrations,
        "consents": list(participant.consents.all()),
        "access_log": access_log,
    }


def role_label(role: str) -> str:
    """The role in words; the log keeps the role, never the name of the person who looked."""
    if role == "beheerder":
        return _("Technical administrator")
    return Role(role).label if role in Role.values else _("Someone from the network")


def _intake_lists(intake) -> list[tuple[str, list[str]]]:
    if intake is None:
        return []
    lists = [
        (_("You learn best"), LearningPreference, intake.learning_preferences),
        (_("Practical needs"), PracticalNeed, intake.practical_needs),
        (_("You would like help with"), ReferralWish, intake.referral_wishes),
    ]
    return [
        (title, [choices(code).label if code in choices.values else code for code in codes])
        for title, choices, codes in lists
        if codes
    ]


def _related_or_none(registration: Registration, relation: str):
    try:
        return getattr(registration, relation)
    except ObjectDoesNotExist:
        return None


class MyRecordJSONView(ParticipantTokenView):
    def get(self, request):
        data = privacy.participant_export(self.participant)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response


class MyCertificateSettingView(ParticipantTokenView):
    http_method_names = ["post"]

    def post(self, request):
        certificate_pk = request.POST.get("certificate", "")
        certificate = Certificate.objects.filter(
            pk=int(certificate_pk) if certificate_pk.isdigit() else 0,
            registration__participant=self.participant,
            revoked_at__isnull=True,
        ).first()
        if certificate is None:
            raise Http404
        public = request.POST.get("public") == "1"
        certificate_services.set_certificate_public(certificate, public=public)
        if public:
            messages.success(request, _("Others can now check your certificate with the code."))
        else:
            messages.success(
                request, _("Your certificate is private now. Nobody can check it with the code.")
            )
        return redirect("workshops:my_record", token=self.token)


class EraseRequestView(ParticipantTokenView):
    template_name = "workshops/record/erase.html"

    def get(self, request):
        return render(request, self.template_name, {"participant": self.participant, "token": self.token})

    def post(self, request):
        privacy.erase_on_request(self.participant)
        return render(request, "workshops/record/erased.html")
