"""Placeholder: being built (issue 4)."""

from django.views.generic import View


class CoachHomeView(View):
    pass


class SeriesParticipantsView(View):
    pass


class ParticipantView(View):
    pass


class IntakeView(View):
    pass


class AttendanceView(View):
    pass


class ReflectionView(View):
    pass
