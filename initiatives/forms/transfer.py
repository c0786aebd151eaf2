"""Forms of the import: the upload, and the confirmation that refers to the previewed file by its hash."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ondernemend.validators import file_kind

from .. import csv_format
from ..exceptions import CSVFileError

MAX_UPLOAD_BYTES = 1024 * 1024  # kept in the session between preview and confirmation, so kept small
# What browsers send for a .csv file differs per system; the content itself is checked when it is decoded.
CSV_CONTENT_TYPES = {
    "text/csv",
    "text/plain",
    "text/x-csv",
    "text/comma-separated-values",
    "application/csv",
    "application/x-csv",
    "application/vnd.ms-excel",
    "application/octet-stream",
    "",
}


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file with initiatives"),
        help_text=_("Use the columns of the export. Nothing is saved yet: you first see what would change."),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s. It may be %(maximum)s at most: split it into smaller files.")
                % {"size": filesizeformat(upload.size), "maximum": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        if not upload.name.lower().endswith(".csv") or upload.content_type not in CSV_CONTENT_TYPES:
            raise forms.ValidationError(_("Upload a CSV file: a file whose name ends in .csv."))
        content = upload.read()
        if kind := file_kind(content):  # by its content, whatever its name says
            raise forms.ValidationError(
                _(
                    "This is a %(kind)s file, not a CSV file. Start from an export, or in Excel choose "
                    "“Save as” and then “CSV UTF-8”."
                )
                % {"kind": kind}
            )
        try:
            self.cleaned_data["text"] = csv_format.decode(content)
        except CSVFileError as error:
            raise forms.ValidationError(error.message) from error
        return upload


class ImportConfirmForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=64)
