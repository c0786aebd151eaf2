"""Every permission of the map. Initiatiefnemers edit the initiatives they are editor of; coördinators (and
the beheerder) edit everything, add contact points, publish, export and import. Everyone sees the published
map and its flyers.

Views fetch their object through `access.py`, which answers 404 for a listing that is not the user's (or,
for the public, not published), so that its existence is not revealed; a page the user's role may not use
at all answers 403 (or sends an anonymous visitor to log in) whether or not the listing exists."""

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
rules.add_perm("initiatives.transfer_listings", is_map_manager)
rules.add_perm("initiatives.view_unpublished", is_map_manager)
# Public pages: whether the listing itself may be seen is decided by `access.py` (404 otherwise).
rules.add_perm("initiatives.view_map", rules.always_allow)
