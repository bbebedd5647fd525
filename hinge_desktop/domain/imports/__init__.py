"""Training history read from export files (Hinge's own, Strong, Hevy, FitNotes), before it is
matched to drills and stored. Pure Python: the parsers read text and return plain records.

Every format module offers the same names: ``FORMAT`` (an :class:`.model.ImportFormat`);
``matches(header: list[str]) -> bool``, which recognises the format from the first record's
cells; and ``parse(text, localise, progress=None) -> ParsedFile``, which never raises on bad
content but lists every bad line in ``problems``. ``text`` is a string or a
:class:`~.text_source.TextSource` streaming a file line by line (``storage/importing`` opens
files so, after :mod:`.encodings` has judged their bytes): no parser needs a file whole but
Hinge JSON's.

Weights a file gives no unit for are told kg or lb from their numbers by :mod:`.unit_guess`.
"""
