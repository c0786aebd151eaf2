"""Who reads the trail: coördinators (and the technical administrator, who passes every permission)."""

import rules

from ondernemend.accounts.rules import is_coordinator

rules.add_perm("audit.view_trail", is_coordinator)
