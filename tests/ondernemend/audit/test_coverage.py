"""Every write a service makes is in the audit log, or this file says why not.

The rule (docs/architecture.md, "The audit log"): a public function that takes the acting user as `by`
calls `record_change`, directly or through a helper of the same module. A public function of a services
module that writes to the database without taking `by` records too (as the system or the participant).
Anything else is in EXEMPT below, with the reason, so a new service that forgets the audit fails here.

The check reads the source (AST), it does not run it: "records" means a call to `record_change` (or to a
function of the same module that makes one) appears in the function's body.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("ondernemend", "initiatives", "workshops", "challenge")
RECORDERS = {"record_change"}
# Calls that write to the database. `.update(` counts only on a query (`X.objects.filter(...).update(...)`),
# never on a dict; `.set`/`.add`/`.remove`/`.clear` are many-to-many writes on a related manager.
WRITE_METHODS = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}

# "module:function" → why it records nothing. Keep it short and honest; a stale entry fails the suite.
EXEMPT = {
    "ondernemend/audit/services.py:record_change": "it is the recorder itself",
    "ondernemend/districts/services.py:import_district_boundaries": (
        "boundaries are geometry loaded by an operator's management command, not a staff change from the "
        "site; the districts hold no personal data"
    ),
    "initiatives/services.py:save_place": (
        "the shared save behind save_initiative and save_contact_point, which record with the acting user"
    ),
    "initiatives/services.py:report_outdated": (
        "a visitor's report, not a change to a listing: it is kept as an OutdatedReport row with its date"
    ),
    "initiatives/services.py:remind_stale_listings": (
        "a scheduled reminder e-mail; it only notes when the reminder was sent"
    ),
    "ondernemend/accounts/second_factor/services.py:start_app_setup": (
        "an unconfirmed authenticator that works nowhere yet; confirm_app_device records when it counts"
    ),
    "workshops/services/signup.py:sign_up": (
        "the participant's own sign-up, kept with its consent record (ConsentRecord) as proof"
    ),
    "workshops/services/waiting_list.py:promote_from_waiting_list": (
        "the automatic consequence of a cancellation or a larger series, which record the cause"
    ),
}


def _modules() -> list[Path]:
    files = []
    for package in PACKAGES:
        files += [
            path
            for path in (ROOT / package).rglob("*.py")
            if "migrations" not in path.parts and "management" not in path.parts
        ]
    return sorted(files)


def _is_services_module(path: Path) -> bool:
    relative = path.relative_to(ROOT)
    return (
        relative.name.startswith("services")
        or "services" in relative.parts[:-1]
        or relative.as_posix() == "initiatives/transfer.py"
    )


def _called_names(function: ast.FunctionDef) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                names.add(node.func.attr)
    return names


def _writes(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if method in WRITE_METHODS:
            return True
        if method == "update" and isinstance(receiver, ast.Call):  # a queryset's update(), not a dict's
            return True
    return False


def _takes_by(function: ast.FunctionDef) -> bool:
    arguments = function.args
    return any(argument.arg == "by" for argument in [*arguments.args, *arguments.kwonlyargs])


class _Module:
    def __init__(self, path: Path):
        self.path = path
        self.name = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(), filename=str(path))
        self.functions = {
            node.name: node for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }

    def _reaches(self, name: str, test, seen: frozenset = frozenset()) -> bool:
        """Whether `test` holds for function `name` or for a function of this module it calls."""
        if name in seen or name not in self.functions:
            return False
        function = self.functions[name]
        if test(function):
            return True
        return any(self._reaches(called, test, seen | {name}) for called in _called_names(function))

    def records(self, name: str) -> bool:
        return self._reaches(name, lambda function: bool(_called_names(function) & RECORDERS))

    def writes(self, name: str) -> bool:
        return self._reaches(name, _writes)

    def public(self):
        return [(name, node) for name, node in self.functions.items() if not name.startswith("_")]


def _must_record() -> dict[str, bool]:
    """Every function the rule covers ("module:function") → whether it records."""
    found = {}
    for path in _modules():
        module = _Module(path)
        for name, function in module.public():
            covered = _takes_by(function) or (_is_services_module(path) and module.writes(name))
            if covered:
                found[f"{module.name}:{name}"] = module.records(name)
    return found


def test_every_service_that_changes_data_records_an_audit_entry():
    missing = sorted(name for name, records in _must_record().items() if not records and name not in EXEMPT)

    assert missing == [], (
        "These services change data but record no audit entry: call record_change(by=..., action=..., "
        "target=...) inside the transaction, or add them to EXEMPT in this file with the reason."
    )


def test_every_exemption_names_a_service_that_records_nothing():
    covered = _must_record()

    stale = sorted(name for name in EXEMPT if covered.get(name, True))

    assert stale == [], "Remove these from EXEMPT: they record now, or no longer exist."


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def change(x, *, by):\n    x.save()\n", {"services.py:change": False}),
        ("def change(x, *, by):\n    record_change(by=by)\n", {"services.py:change": True}),
        (
            "def change(x, *, by):\n    _log(x, by)\n\ndef _log(x, by):\n    record_change(by=by)\n",
            {"services.py:change": True},
        ),
        ("def erase(x):\n    X.objects.filter(pk=x).update(name='')\n", {"services.py:erase": False}),
        ("def merge(a, b):\n    a.update(b)\n", {}),
        ("def read(x):\n    return x.name\n", {}),
    ],
    ids=[
        "writes-without-audit",
        "records",
        "records-through-a-helper",
        "query-update",
        "dict-update",
        "read",
    ],
)
def test_the_check_sees_a_write_with_and_without_an_audit_entry(tmp_path, monkeypatch, source, expected):
    (tmp_path / "ondernemend").mkdir()
    (tmp_path / "ondernemend" / "services.py").write_text(source)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    found = {name.removeprefix("ondernemend/"): records for name, records in _must_record().items()}

    assert found == expected
