"""English plurals for counted words ("1 set", "3 sets") when no translation is loaded.

The text goes through Qt's plural translation at the call site, as
``QCoreApplication.translate(context, "%n set(s)", None, count)``, so that the tools that
gather the words to translate find it; a translation gives the right form for any language,
and without one Qt leaves the "(s)" marker as it is, which :func:`plural` turns into English.
"""

from __future__ import annotations


def plural(text: str, count: int) -> str:
    """``text`` with its "(s)" marker made English for ``count``: "1 set", "3 sets"."""
    if "(s)" in text:
        text = text.replace("(s)", "" if count == 1 else "s")
    return text
