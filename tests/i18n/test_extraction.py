"""Strings marked inside f-strings are invisible to extraction on Python 3.11: catch them."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from sdm_app.i18n import translations_dir

ROOT = Path(__file__).resolve().parents[2]
INSIDE_FSTRING = re.compile(r"""f(["']).*?\{_\((["'])(.+?)\2\)""")


def test_literals_inside_f_strings_are_also_extracted() -> None:
    with (translations_dir() / "messages.pot").open("rb") as handle:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    hidden = []
    for path in sorted((ROOT / "sdm_app").rglob("*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in INSIDE_FSTRING.finditer(line):
                if match.group(3) not in known:
                    hidden.append(f"{path.name}: {match.group(3)}")
    assert hidden == []
