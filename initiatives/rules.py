"""Who may edit what on the map. Initiatiefnemers edit the initiatives they are editor of; coördinators (and
the beheerder) edit everything, add contact points and publish. Views fetch objects through
`manage_queries.editable_initiatives`, so another's initiative is not found at all (404)."""

import rules

from ondernemend.accounts.rules import is_beheerder, is_coordinator, is_initiatiefnemer


def _is_active_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_editor_of(user, initiative):
    if initiative is None or not _is_active_user(user):
        return False
    return initiative.editors.filter(pk=user.pk).exists()


@rules.predicate
def edits_an_initiative(user):
    return _is_active_user(user) and user.edited_initiatives.exists()


is_map_manager = is_coordinator | is_beheerder

rules.add_perm("initiatives.view_manage", is_map_manager | (is_initiatiefnemer & edits_an_initiative))
rules.add_perm("initiatives.change_initiative", is_map_manager | is_editor_of)
rules.add_perm("initiatives.add_initiative", is_map_manager)
rules.add_perm("initiatives.publish_initiative", is_map_manager)
rules.add_perm("initiatives.add_contactpoint", is_map_manager)
rules.add_perm("initiatives.change_contactpoint", is_map_manager)
