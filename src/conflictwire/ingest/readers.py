"""Readers for the report formats conflictwire takes.

- Text files in the seed's form: first line ` date YYYY-MM[-DD] <title>`, optionally a line
  ` source <outlet>`, a blank line, the body; or plain text with no header.
- JSON Lines: one report per line with `id, title, text, published, url, language, source`
  (only `text` is required; `source` (or `outlet`) names the outlet).
- Directories (recursive, `*.txt` and `*.jsonl`) and `-` for standard input.

A reader never raises for one bad report: it yields a `Failure` (stage "read", its error an
`InputError`) naming the input and the reason, and goes on with the rest.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import Failure, InputError

MAX_FILE_BYTES = 10 * 1024 * 1024  # a single report; larger files are refused, not truncated
MAX_REPORT_CHARS = 2_000_000
GOLD_SUFFIX = ".gold.jsonl"  # hand-made answers kept beside reports are not reports
HEADER = re.compile(r"^ ?date\s+(\S+)[ \t]*(.*)$")
OUTLET = re.compile(r"^ ?source\s+(\S.*?)\s*$")
DATE_FORMS = (re.compile(r"^\d{4}$"), re.compile(r"^\d{4}-\d{2}$"), re.compile(r"^\d{4}-\d{2}-\d{2}$"),
              re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$"))


@dataclass
class Report:
    """One report as read, before language detection and normalisation."""
    source: str  # file path, "file.jsonl:12", or "<stdin>"
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    source_path: Optional[str] = None
    outlet: Optional[str] = None  # who published it


DATE_HELP = "give it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-05-07)"


def failed(source: str, reason: str, cause: Optional[BaseException] = None) -> Failure:
    return Failure.bad_input(source, reason, "read", cause)


def check_date(value: str) -> str:
    """An ISO date as precise as given; raises InputError (a ValueError) for an impossible one."""
    value = value.strip()
    if not any(form.match(value) for form in DATE_FORMS):
        raise InputError(f"{value!r} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY")
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        elif len(parts) == 2:
            dt.date(int(parts[0]), int(parts[1]), 1)
    except ValueError as exc:
        raise InputError(f"impossible date {value!r} ({exc}); {DATE_HELP}") from None
    return value


def decode(data: bytes, source: str) -> str | Failure:
    if not data.strip():
        return failed(source, "empty input: no text to read")
    if b"\x00" in data[:8192]:
        return failed(source, "binary data (NUL bytes), not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return failed(source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8 first", exc)
    if sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > 0.05 * min(len(text), 4096):
        return failed(source, "binary data (mostly control characters), not a text report")
    return text


def parse_text(text: str, source: str, published: Optional[str]) -> Report | Failure:
    """A text report, with the seed's header line if it has one."""
    first, _, rest = text.lstrip("\ufeff\n").partition("\n")
    title = outlet = None
    header = HEADER.match(first)
    if header:
        try:
            published = check_date(header.group(1))
        except ValueError as exc:
            return failed(source, f"bad header date: {exc}", exc)
        title = header.group(2).strip() or None
        text = rest
        second, _, after = rest.partition("\n")
        named = OUTLET.match(second)
        if named:
            outlet, text = named.group(1), after
    if not text.strip():
        return failed(source, "the report has a header but no body text")
    return Report(source=source, text=text, title=title, published=published, source_path=source, outlet=outlet)


def read_jsonl(lines: Iterable[str], source: str, published: Optional[str]) -> Iterator[Report | Failure]:
    any_line = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        any_line = True
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield failed(where, f"malformed JSON on line {number} ({exc.msg} at column {exc.colno})", exc)
            continue
        yield report_from_json(obj, where, source, published)
    if not any_line:
        yield failed(source, "empty input: no JSON lines")


def report_from_json(obj, where: str, source: str, published: Optional[str]) -> Report | Failure:
    if not isinstance(obj, dict):
        return failed(where, "a JSON line must be an object with at least a 'text' field")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return failed(where, "the object has no non-empty 'text' field")
    if len(text) > MAX_REPORT_CHARS:
        return failed(where, f"text of {len(text):,} characters exceeds the limit of {MAX_REPORT_CHARS:,}")
    date = obj.get("published") or published
    if date:
        try:
            date = check_date(str(date))
        except ValueError as exc:
            return failed(where, f"bad 'published': {exc}", exc)
    ident = obj.get("id")
    outlet = obj.get("source") or obj.get("outlet")
    return Report(source=where, text=text, title=obj.get("title"), published=date, url=obj.get("url"),
                  language=obj.get("language"), source_path=f"{ident}" if ident else source,
                  outlet=outlet if isinstance(outlet, str) else None)


def read_file(path: Path, published: Optional[str]) -> Iterator[Report | Failure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                yield from read_jsonl((decode_line(raw, source) for raw in handle), source, published)
            return
        if size > MAX_FILE_BYTES:
            yield failed(source, f"file of {size / 1e6:.1f} MB is larger than the {MAX_FILE_BYTES / 1e6:.0f} MB a report may be; split it or give it as JSON Lines")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield failed(source, f"cannot read: {exc.strerror or exc}", exc)
        return
    except UnicodeDecodeError as exc:
        yield failed(source, f"not valid UTF-8 ({exc.reason}); convert it to UTF-8 first", exc)
        return
    text = decode(data, source)
    yield text if isinstance(text, Failure) else parse_text(text, source, published)


def decode_line(raw: bytes, source: str) -> str:
    return raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8")


def read_stdin(published: Optional[str]) -> Iterator[Report | Failure]:
    data = sys.stdin.buffer.read()
    text = decode(data, "<stdin>")
    if isinstance(text, Failure):
        yield text
    elif text.lstrip().startswith("{"):
        yield from read_jsonl(text.splitlines(), "<stdin>", published)
    else:
        yield parse_text(text, "<stdin>", published)


def read_inputs(paths: Iterable[str], published: Optional[str] = None) -> Iterator[Report | Failure]:
    """Every report in the given paths, in order; directories are walked recursively."""
    for name in paths:
        if name == "-":
            yield from read_stdin(published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl")
                           and not p.name.endswith(GOLD_SUFFIX))
            if not files:
                yield failed(name, "directory holds no *.txt or *.jsonl report")
            for file in files:
                yield from read_file(file, published)
        elif path.exists():
            yield from read_file(path, published)
        else:
            yield failed(name, "no such file or directory")
