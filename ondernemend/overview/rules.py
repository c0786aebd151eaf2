"""Who may read the network overview: municipal staff and coördinators. Only a coördinator freezes."""

import rules

from ondernemend.accounts.rules import is_coordinator, is_gemeente

rules.add_perm("overview.view_overview", is_gemeente | is_coordinator)
rules.add_perm("overview.freeze_quarter", is_coordinator)
