"""Text coming in (forms, query parameters, imported files): the characters that have no place in it.

C0 control characters other than tab, line feed and carriage return, DEL, and the bidirectional
overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read differently from how it is
stored ("Trojan Source"). PostgreSQL cannot store a NUL in text at all, a worksheet cannot hold most
C0 controls, and a bidi override makes a name, a NIP or a target look like another one.

The web refuses them at the edge with a 400 (`kinerja.middleware.TeksAmanMiddleware`); what arrives
by other ways — an imported file, a service called from the command line — is cleaned with `bersihkan`.
"""

from __future__ import annotations

import re

__all__ = ["KARAKTER_TERLARANG", "bersihkan"]

KARAKTER_TERLARANG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def bersihkan(teks: str) -> str:
    """The text without the characters above (a vertical tab or a form feed becomes a space)."""
    if not KARAKTER_TERLARANG.search(teks):
        return teks
    return KARAKTER_TERLARANG.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", teks)
