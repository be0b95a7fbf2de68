"""The shape of the code: imports point one way down the stages, modules stay small, and the
words of a language live in its lexicon, not in code."""
from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import yaml

import conflictwire
from conflictwire import vocab

SRC = Path(conflictwire.__file__).parent

# Top to bottom: a part may import the parts of its own layer or below, never above.
LAYERS = [
    ["cli"],
    ["api", "evaluate"],
    ["pipeline", "store"],
    ["events", "statements", "tallies"],
    ["context"],
    ["resolve"],
    ["find"],
    ["document", "ingest", "export", "gazetteer", "nlp", "lemmas"],
    ["knowledge", "text", "model", "storage"],
    ["vocab", "errors"],
]
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = ["conflictwire", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, package: str | None = None, modules: set[str] | None = None) -> set[str]:
    """The conflictwire modules a file imports at run time (not those under TYPE_CHECKING);
    `package` is the one the file's relative imports start from (its own by default).
    "from . import syntax" imports the module `syntax` when it is one of `modules`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if package is None:
        package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    modules = modules or set()
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("conflictwire"):
                continue
            submodules = {f"{target}.{a.name}" for a in node.names} & modules
            found |= submodules
            if len(submodules) < len(node.names):
                found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("conflictwire"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SRC.rglob("*.py")}
    return {name: {t for t in imports_of(path, modules=set(modules)) if t in modules and t != name}
            for name, path in modules.items()}


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_part_has_a_layer():
    missing = {part_of(m) for m in graph()} - set(RANK) - {""}
    assert not missing, f"parts with no layer in LAYERS: {sorted(missing)}"


def test_imports_point_down_the_layers():
    upward = [f"{m} imports {t}" for m, targets in graph().items() for t in targets
              if part_of(m) and RANK.get(part_of(t), -1) < RANK[part_of(m)]]  # the package's front door is above all
    assert not upward, "imports that point up the layers:\n" + "\n".join(sorted(upward))


def test_no_import_cycle():
    g = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_graph_sees_a_planted_upward_import(tmp_path):
    planted = tmp_path / "bad.py"
    planted.write_text("from ..cli.extract import extract_command\nfrom .. import pipeline\n"
                       "if TYPE_CHECKING:\n    from ..events import extract\n")
    found = imports_of(planted, package="conflictwire.find", modules={"conflictwire.pipeline"})
    assert {"conflictwire.cli.extract", "conflictwire.pipeline"} <= found
    assert not any(f.startswith("conflictwire.events") for f in found)  # a type-only import is no arrow
    assert RANK[part_of("conflictwire.cli.extract")] < RANK["find"]


def test_modules_stay_small():
    long = [f"{p.relative_to(SRC)}: {n} lines" for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, f"modules over {MAX_LINES} lines:\n" + "\n".join(long)


# --- words of a language belong in data/<lang>/lexicon.yaml ---------------------------------------
STAGES = ["context.py", "document.py", "find", "resolve", "events", "statements", "tallies", "text"]
# Notes are written in English whatever the report's language (the record contract): their
# words are the output's, not a lexicon's.
OUTPUT_TEXT = {"events/notes.py"}


def lexicon_words() -> set[str]:
    """Every phrase the lexicons list, lower-cased, less the labels that name their sections
    (labels are the code's vocabulary: "killed", "drone")."""
    entries, labels = set(), set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                labels.add(str(key).lower())
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            entries.add(node.lower())

    for language in ("en", "fr"):
        walk(yaml.safe_load((resources.files("conflictwire") / "data" / language / "lexicon.yaml").read_text("utf-8")))
    enum_values = {m.value.lower() for e in vars(vocab).values()
                   if isinstance(e, type) and issubclass(e, vocab.StrEnum) and e is not vocab.StrEnum for m in e}
    return entries - labels - enum_values


def parser_labels() -> set[str]:
    """spaCy's dependency labels and morphology values ("case", "aux", "Fin"): the parse's vocabulary, not a language's."""
    from conflictwire.nlp import pipeline
    out = set()
    for language in ("en", "fr"):
        nlp = pipeline(language)
        out |= {label.lower() for label in nlp.get_pipe("parser").labels}
        out |= {v.split("=")[1].lower() for f in nlp.get_pipe("morphologizer").labels if "morphologizer" in nlp.pipe_names
                for v in f.split("|") if "=" in v} if "morphologizer" in nlp.pipe_names else set()
    return out


def words_in_code(paths: list[Path], words: set[str], allowed: set[str]) -> list[str]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                word = node.value.strip().lower()
                if len(word) > 1 and not node.value.isupper() and word in words and word not in allowed:
                    found.append(f"{path.relative_to(SRC) if path.is_relative_to(SRC) else path.name}:{node.lineno}: {node.value!r}")
    return found


# Strings that are the code's own vocabulary though a lexicon lists the same letters: evidence
# field names and record fields, ISO language codes, the kinds of country reference.
CODE_VOCABULARY = {"fatalities", "injuries", "weapon", "target", "tally", "capital", "name", "en", "fr", "sent", "head",
                   "first", "field"}  # Evidence.field; dateparser's PREFER_DAY_OF_MONTH setting


def test_no_lexicon_word_in_the_stages_code():
    paths = [p for s in STAGES for p in ((SRC / s).rglob("*.py") if (SRC / s).is_dir() else [SRC / s])
             if str(p.relative_to(SRC)) not in OUTPUT_TEXT]
    found = words_in_code(paths, lexicon_words(), CODE_VOCABULARY | parser_labels())
    assert not found, "language words in code (move them to data/<lang>/lexicon.yaml):\n" + "\n".join(found)


def test_the_word_scan_finds_a_planted_word(tmp_path):
    planted = tmp_path / "rule.py"
    planted.write_text('def rule(token):\n    """depuis: a docstring is no rule"""\n    return token.lower_ in ("depuis", "près", "nsubj")\n')
    found = words_in_code([planted], lexicon_words(), parser_labels())
    assert found == ["rule.py:3: 'depuis'", "rule.py:3: 'près'"]


def test_no_helper_is_written_twice():
    """Two functions with the same body, wherever they stand and whatever their names: one
    should call the other (as `km`, the folds and the SQLite connections now do)."""
    bodies: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and len(node.body) > 1:
                body = node.body[1:] if isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) else node.body
                key = ast.dump(ast.Module(body=body, type_ignores=[]))
                bodies.setdefault(key, []).append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}")
    twice = [" = ".join(places) for places in bodies.values() if len(places) > 1]
    assert not twice, "functions written twice:\n" + "\n".join(twice)
