"""Who may see what in the workshops: the privacy firewall (DESIGN.md §2, §3.2).

Gemeente users get no participant-level permission at all. Coaches only for the series they coach.
Coördinators manage series; they open a participant record only through the reasoned, logged access
(workshops.access), never through these permissions alone. All of the app's permissions are here; the
objects they are checked on come from workshops.access (docs/access.md: 404 or 403).
"""

import rules

from ondernemend.accounts.rules import is_beheerder, is_coach, is_coordinator


@rules.predicate
def is_coach_of_series(user, series):
    if series is None or not (user and user.is_authenticated and user.is_active):
        return False
    return series.coaches.filter(pk=user.pk).exists()


@rules.predicate
def is_coach_of_registration(user, registration):
    return registration is not None and is_coach_of_series(user, registration.series)


@rules.predicate
def is_coach_of_session(user, session):
    return session is not None and is_coach_of_series(user, session.series)


can_manage_series = is_coordinator | is_beheerder

rules.add_perm("workshops.add_series", can_manage_series)
rules.add_perm("workshops.change_series", can_manage_series)
rules.add_perm("workshops.view_coach_home", is_coach)
rules.add_perm("workshops.view_series_participants", is_coach_of_series)
rules.add_perm("workshops.view_registration", is_coach_of_registration)
rules.add_perm("workshops.change_intake", is_coach_of_registration)
rules.add_perm("workshops.take_attendance", is_coach_of_session)
rules.add_perm("workshops.write_reflection", is_coach_of_session)
rules.add_perm("workshops.issue_certificate", is_coach_of_registration | can_manage_series)
rules.add_perm("workshops.override_certificate_rule", can_manage_series)
rules.add_perm("workshops.revoke_certificate", is_coach_of_registration | can_manage_series)
rules.add_perm("workshops.open_participant_record_with_reason", can_manage_series)
