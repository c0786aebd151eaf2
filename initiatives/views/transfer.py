"""Export of all initiatives (CSV, GeoJSON) and import from CSV with a dry run first (coördinators)."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin

from .. import transfer
from ..exceptions import CSVFileError, ImportNotValid
from ..forms.transfer import ImportConfirmForm, ImportUploadForm

PERMISSION = "initiatives.transfer_listings"
SESSION_KEY = "initiatives_import"


def _filename(extension: str) -> str:
    return f"initiatieven-{timezone.localdate().isoformat()}.{extension}"


class ExportCSVView(PermissionRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, *args, **kwargs):
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in transfer.export_csv_lines()),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
        return response


class ExportGeoJSONView(PermissionRequiredMixin, View):
    permission_required = PERMISSION

    def get(self, *args, **kwargs):
        response = HttpResponse(
            json.dumps(transfer.export_geojson(), cls=DjangoJSONEncoder, ensure_ascii=False),
            content_type="application/geo+json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{_filename("geojson")}"'
        return response


class ImportCSVView(PermissionRequiredMixin, View):
    """Upload → preview (nothing written) → confirm (everything written in one transaction, or nothing).

    Between preview and confirmation the file's text stays in the session (at most 1 MB), never on disk;
    the confirmation names the previewed text by its SHA-256, so an upload in another tab is not confirmed
    by mistake.
    """

    permission_required = PERMISSION
    template_name = "initiatives/transfer/import.html"

    def get(self, *args, **kwargs):
        return self.render_page(upload_form=ImportUploadForm())

    def post(self, request, *args, **kwargs):
        if "sha256" in request.POST:
            return self.confirm()
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(upload_form=form, status=400)
        text = form.cleaned_data["text"]
        try:
            plan = transfer.plan_import(text)
        except CSVFileError as error:
            form.add_error("file", error.message)
            return self.render_page(upload_form=form, status=400)
        request.session.pop(SESSION_KEY, None)
        digest = transfer.content_hash(text)
        if plan.is_valid:
            request.session[SESSION_KEY] = {
                "text": text,
                "sha256": digest,
                "name": form.cleaned_data["file"].name,
            }
        return self.render_page(
            upload_form=ImportUploadForm(),
            plan=plan,
            file_name=form.cleaned_data["file"].name,
            confirm_form=ImportConfirmForm(initial={"sha256": digest}) if plan.is_valid else None,
        )

    def confirm(self):
        request = self.request
        form = ImportConfirmForm(request.POST)
        pending = request.session.get(SESSION_KEY)
        if not form.is_valid() or not pending or pending["sha256"] != form.cleaned_data["sha256"]:
            messages.error(request, _("The preview is no longer available. Upload the file again."))
            return redirect(reverse("initiatives:import_csv"))
        try:
            plan = transfer.apply_import(pending["text"], by=request.user)
        except (ImportNotValid, CSVFileError) as error:
            # The listings changed since the preview: show the new preview, nothing has been written.
            request.session.pop(SESSION_KEY, None)
            if isinstance(error, CSVFileError):
                messages.error(request, error.message)
                return redirect(reverse("initiatives:import_csv"))
            return self.render_page(
                upload_form=ImportUploadForm(), plan=error.plan, file_name=pending["name"], status=409
            )
        request.session.pop(SESSION_KEY, None)
        created, updated = plan.count(transfer.Action.CREATE), plan.count(transfer.Action.UPDATE)
        messages.success(
            request,
            ngettext("%(count)s initiative added", "%(count)s initiatives added", created)
            % {"count": created}
            + ", "
            + ngettext("%(count)s initiative changed.", "%(count)s initiatives changed.", updated)
            % {"count": updated},
        )
        return redirect(reverse("initiatives:import_csv"))

    def render_page(self, *, status=200, **context):
        return render(self.request, self.template_name, context, status=status)
