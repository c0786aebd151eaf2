"""Placeholder: being built (issue 4)."""

from django.views.generic import View


class MyRecordView(View):
    pass


class MyRecordJSONView(View):
    pass


class MyCertificateSettingView(View):
    pass


class EraseRequestView(View):
    pass
