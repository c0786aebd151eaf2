"""The participant's own link: no account, only a signed token (workshops.tokens).

Opening the link (`/mijn-gegevens/<token>/`) stores the participant in the browser session and redirects
to the same page without the token (`/mijn-gegevens/`), so the token appears once in an access log and
never in the Referer of a page. Every page here is never cached and sends `Referrer-Policy: no-referrer`;
their forms therefore use the CSRF check of ondernemend.referrer. A forged, broken or anonymised token
answers 404; the pages without a participant in the session ask to open the link again.
"""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from ondernemend.referrer import csrf_protect_without_referrer, no_referrer

from ..models import Registration
from ..queries.record import own_certificate, participant_export, participant_record_context
from ..services import certificates as certificate_services
from ..services import privacy
from ..services.waiting_list import cancel_registration, cancellable_registrations
from ..tokens import forget_participant, participant_for_token, participant_in_session, remember_participant


@method_decorator(never_cache, name="dispatch")
class OwnLinkView(View):
    """The personal link itself: remember the participant in this browser, then leave the token behind."""

    target = "workshops:own_record"

    def get(self, request, *args, **kwargs):
        participant = participant_for_token(kwargs["token"])
        if participant is None:
            raise Http404
        remember_participant(request, participant)
        return no_referrer(redirect(self.target))


@method_decorator([never_cache, csrf_protect_without_referrer], name="dispatch")
class ParticipantSessionView(View):
    def dispatch(self, request, *args, **kwargs):
        self.participant = participant_in_session(request)
        if self.participant is None:
            response = render(request, "workshops/record/link_needed.html", status=403)
        else:
            response = super().dispatch(request, *args, **kwargs)
        return no_referrer(response)


class MyRecordView(ParticipantSessionView):
    template_name = "workshops/record/my_record.html"

    def get(self, request, *args, **kwargs):
        context = {
            "own_link": True,
            "cancellable": {registration.pk for registration in cancellable_registrations(self.participant)},
            **participant_record_context(self.participant),
        }
        return render(request, self.template_name, context)


class MyRecordJSONView(ParticipantSessionView):
    def get(self, *args, **kwargs):
        data = participant_export(self.participant)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response


class MyCertificateSettingView(ParticipantSessionView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        certificate = own_certificate(self.participant, request.POST.get("certificate", ""))
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
        return redirect("workshops:own_record")


class EraseRequestView(ParticipantSessionView):
    template_name = "workshops/record/erase.html"

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, {"participant": self.participant})

    def post(self, request, *args, **kwargs):
        privacy.erase_on_request(self.participant)
        forget_participant(request)
        return render(request, "workshops/record/erased.html")


class CancelRegistrationView(ParticipantSessionView):
    """The participant signs off from a series herself: a page that asks first, then a message."""

    template_name = "workshops/record/cancel.html"

    def get_registration(self, pk) -> Registration:
        for registration in cancellable_registrations(self.participant):
            if registration.pk == pk:
                return registration
        raise Http404

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, {"registration": self.get_registration(kwargs["pk"])})

    def post(self, request, *args, **kwargs):
        registration = cancel_registration(self.get_registration(kwargs["pk"]))
        messages.success(
            request,
            _("“%(title)s”: you are signed off.") % {"title": registration.series.title},
        )
        return redirect("workshops:own_record")
