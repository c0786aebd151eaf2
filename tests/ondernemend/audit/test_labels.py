"""Every action the code writes to the audit log has a readable name on the coördinators' page."""

import ast

from ondernemend.audit.labels import ACTION_LABELS, action_label, trail_role_label

from .test_coverage import _modules

# Slugs built from a model's name at run time (initiatives/services.py): the places are these two models.
BUILT_AT_RUN_TIME = {
    f"{model}.{verb}"
    for model in ("initiative", "contactpoint")
    for verb in ("created", "updated", "verified")
}


def _strings(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> set[str] | None:
    """The slugs an `action=` argument can be; None for one built at run time (an f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body, assigned), _strings(node.orelse, assigned)
        return None if body is None or orelse is None else body | orelse
    if isinstance(node, ast.Name) and node.id in assigned:
        found = set()
        for value in assigned[node.id]:
            strings = _strings(value, {})
            if strings is None:
                return None
            found |= strings
        return found
    return None


def written_actions() -> tuple[set[str], int]:
    """The literal slugs passed to record_change anywhere, and how many calls build theirs at run time."""
    slugs, built = set(), 0
    for path in _modules():
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            assigned: dict[str, list[ast.AST]] = {}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).append(node.value)
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "record_change"):
                    continue
                for keyword in call.keywords:
                    if keyword.arg == "action":
                        strings = _strings(keyword.value, assigned)
                        if strings is None:
                            built += 1
                        else:
                            slugs |= strings
    return slugs, built


def test_every_action_the_code_writes_has_a_label():
    slugs, _built = written_actions()

    assert sorted(slugs - ACTION_LABELS.keys()) == []


def test_the_labels_name_no_action_that_is_never_written():
    slugs, built = written_actions()

    assert sorted(ACTION_LABELS.keys() - slugs - BUILT_AT_RUN_TIME) == []
    assert built == 3  # initiatives/services.py: created, updated, verified of a place


def test_an_action_without_a_label_shows_its_slug_and_a_role_reads_as_words():
    assert (action_label("new.thing"), action_label("series.updated")) == (
        "new.thing",
        "Workshopreeks gewijzigd",
    )
    assert [trail_role_label(role) for role in ("coach", "beheerder", "system", "participant")] == [
        "Coach",
        "Technisch beheerder",
        "Systeem",
        "Deelnemer zelf",
    ]
