"""Newsroom control over who is who: merge two speakers, split an alias off a speaker, and
the hand-kept aliases file (alias, canonical name, optional Wikidata id) that quote trackers
maintain.  Every decision is a :class:`attrib.identity.Pin` stored in ``speaker_pins``; the
linking of :mod:`attrib.db` applies them on every ingest and ``reextract``, so they hold.
Statement ids never change: they are made from the article and the offsets, not the speaker."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import sqlite_utils

from . import db as dbmod
from .identity import Pin, bare_name

WIKIDATA_ID = re.compile(r"Q[1-9]\d*")


class SpeakerError(Exception):
    """A merge, split or aliases file that cannot be done as asked (the message says why)."""


def read_aliases_file(path: str | Path) -> list[Pin]:
    """The pins of an aliases CSV file: ``alias,canonical name[,wikidata id]`` per line, an
    optional header line (``alias,canonical,...``), blank lines and ``#`` comments ignored.
    Raises :class:`SpeakerError` naming the line of the first row that is not such a row."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SpeakerError(f"{path}: not UTF-8 text; save the aliases file as UTF-8 CSV") from None
    except OSError as e:
        raise SpeakerError(f"{path}: {e.strerror}") from None
    pins = []
    for n, row in enumerate(csv.reader(text.splitlines()), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if n == 1 and [c.lower() for c in cells[:2]] == ["alias", "canonical"]:
            continue
        pins.append(_pin_of_row(path, n, cells))
    return pins


def _pin_of_row(path: str | Path, n: int, cells: list[str]) -> Pin:
    if len(cells) < 2 or not cells[0] or not cells[1] or len(cells) > 3:
        raise SpeakerError(f"{path}, line {n}: expected 'alias,canonical name[,wikidata id]', got {','.join(cells)!r}")
    wikidata = cells[2] if len(cells) == 3 and cells[2] else None
    if wikidata is not None and not WIKIDATA_ID.fullmatch(wikidata):
        raise SpeakerError(f"{path}, line {n}: {wikidata!r} is not a Wikidata id (Q followed by digits)")
    return Pin(cells[0], cells[1], wikidata)


def load_aliases(db: sqlite_utils.Database, path: str | Path) -> int:
    """Record the aliases file's decisions (those already recorded are not repeated)."""
    return dbmod.add_pins(db, read_aliases_file(path), source=f"file:{Path(path).name}")


def _one_speaker(db: sqlite_utils.Database, ref: str) -> dict[str, Any]:
    found = dbmod.find_speakers(db, ref)
    if not found:
        raise SpeakerError(f"no speaker {ref!r} (give a speaker id, a name or an alias)")
    if len(found) > 1:
        listed = "; ".join(f"{s['id']} {s['name']} ({s['n_statements']} statements)" for s in found)
        raise SpeakerError(f"{ref!r} names {len(found)} speakers: {listed}; give the id")
    return found[0]


def merge(db: sqlite_utils.Database, keep: str, other: str, name: str | None = None) -> dict[str, Any]:
    """Make ``other`` the same speaker as ``keep`` (each an id, name or alias): every alias
    of both belongs to ``name`` (default: ``keep``'s name) from now on.  Returns the speaker."""
    a, b = _one_speaker(db, keep), _one_speaker(db, other)
    if a["id"] == b["id"]:
        raise SpeakerError(f"{keep!r} and {other!r} are already one speaker ({a['id']} {a['name']})")
    canonical = name or a["name"]
    aliases = {*dbmod.speaker_aliases(db, a["id"]), *dbmod.speaker_aliases(db, b["id"]), canonical}
    dbmod.add_pins(db, [Pin(x, canonical, a["wikidata"]) for x in sorted(aliases)], source="merge")
    return _one_speaker(db, canonical)


def split(db: sqlite_utils.Database, ref: str, alias: str, name: str | None = None) -> dict[str, Any]:
    """Take ``alias`` off the speaker ``ref``: it is a speaker of its own, named ``name``
    (default: the alias without titles).  Returns the new speaker."""
    sp = _one_speaker(db, ref)
    if alias not in dbmod.speaker_aliases(db, sp["id"]):
        raise SpeakerError(f"{alias!r} is not an alias of speaker {sp['id']} {sp['name']}; its aliases: "
                           + ", ".join(dbmod.speaker_aliases(db, sp["id"])))
    canonical = name or bare_name(alias)
    if canonical == sp["name"]:
        raise SpeakerError(f"give the split-off speaker another name than {sp['name']!r} (--name)")
    dbmod.add_pins(db, [Pin(alias, canonical)], source="split")
    return next(s for s in dbmod.find_speakers(db, alias) if s["name"] == canonical)
