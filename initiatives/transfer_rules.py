"""Who may export and import initiatives: coördinators and the beheerder.

Kept apart from `rules.py` so that the import/export views register their permission on their own.
"""

import rules

from ondernemend.accounts.rules import is_beheerder, is_coordinator

rules.add_perm("initiatives.transfer_listings", is_coordinator | is_beheerder)
