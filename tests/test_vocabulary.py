"""The code that decides reads the closed vocabularies as `vocab`'s members, never as strings:
a misspelt member fails on import, a misspelt string ("state_froces") silently never matches."""
from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

import conflictwire
from conflictwire import vocab

SRC = Path(conflictwire.__file__).parent
DECISIONS = ["context.py", "document.py", "find", "resolve", "events", "statements", "tallies", "text", "export.py",
             "pipeline.py"]

# Strings spelled like a vocabulary's value that are words of another vocabulary, by where they
# stand ("file" at module level, "file function" inside one): anywhere else they are flagged.
ALLOWED = {
    # dateparser's REQUIRE_PARTS setting names the parts a parsed date must have, not a precision
    "resolve/dates.py DateFinder._explicit": {"day", "month"},
    # the notes' English verbs for "Abduction/forced disappearance" and "Arrests": output text
    "events/notes.py": {"abducted", "arrested"},
    # ACLED's CSV column "year"
    "export.py": {"year"},
    "export.py csv_row": {"year"},
    # a word of the message refusing a report whose language is not known
    "pipeline.py unsupported": {"unknown"},
}


def vocabularies() -> dict[str, list[str]]:
    """Each value of vocab.py's enums -> the enums it belongs to."""
    out: dict[str, list[str]] = {}
    for enum in vars(vocab).values():
        if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum:
            for member in enum:
                out.setdefault(member.value, []).append(enum.__name__)
    return out


def vocabulary_literals(paths: list[Path], allowed: dict[str, set[str]] | None = None) -> list[str]:
    """Every string constant equal to a vocabulary's value ("file:line: 'value'"), docstrings
    and the `allowed` strings of each place aside."""
    values, allowed = vocabularies(), allowed or {}
    found = []
    for path in paths:
        name = str(path.relative_to(SRC)) if path.is_relative_to(SRC) else path.name
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, scope: str) -> None:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                scope = f"{scope}.{node.name}" if scope else node.name
            body = getattr(node, "body", None)
            docstring = body[0].value if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) else None
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.Expr) and child.value is docstring:
                    continue
                if isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value in values \
                        and child.value not in allowed.get(f"{name} {scope}".strip(), set()):
                    found.append(f"{name}:{child.lineno}: {child.value!r}")
                visit(child, scope)

        visit(tree, "")
    return found


def decision_files() -> list[Path]:
    return [p for part in DECISIONS for p in (sorted((SRC / part).rglob("*.py")) if (SRC / part).is_dir() else [SRC / part])]


def test_decisions_use_the_vocabularies_members():
    found = vocabulary_literals(decision_files(), ALLOWED)
    assert not found, "vocabulary values written as strings (use vocab.py's members):\n" + "\n".join(found)


def test_the_scan_finds_a_planted_literal(tmp_path):
    planted = tmp_path / "rule.py"
    planted.write_text('def armed(kind):\n    """state_forces: a docstring is no rule"""\n'
                       '    return kind == "state_forces" or kind == "Military"\n')
    assert vocabulary_literals([planted]) == ["rule.py:3: 'state_forces'"]


def test_the_allowed_strings_are_allowed_only_where_they_stand(tmp_path):
    planted = tmp_path / "rule.py"
    planted.write_text('PARTS = ["day"]\n\ndef precise(p):\n    return p == "day"\n')
    assert vocabulary_literals([planted], {"rule.py": {"day"}}) == ["rule.py:4: 'day'"]
