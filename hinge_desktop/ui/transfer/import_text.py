"""The words an import is told in: counts, dates, the app a file came from, what it adds and
what it skips, the unit of its weights and why, for the preview and the status bar alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from hinge_desktop.domain.imports.model import ImportFormat, ParsedFile, TextEncoding
from hinge_desktop.domain.imports.plan import ExerciseMatch
from hinge_desktop.domain.imports.unit_guess import Clue, UnitGuess
from hinge_desktop.storage.errors import Fault
from hinge_desktop.storage.importing.prepare import ImportNotStored, PreparedImport, UnitSource
from hinge_desktop.storage.importing.writer import ImportOutcome
from hinge_desktop.ui.plurals import plural


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportAction", text)


def counted(count: int, noun: str) -> str:
    """ "1 set", "1,234 sets" (in the locale's digits): ``noun`` is "set", "workout", "line",
    "routine" or "own drill"."""
    texts = {
        "set": QCoreApplication.translate("ImportAction", "%Ln set(s)", None, count),
        "workout": QCoreApplication.translate("ImportAction", "%Ln workout(s)", None, count),
        "own drill": QCoreApplication.translate(
            "ImportAction", "%Ln new drill(s) of your own", None, count
        ),
        "line": QCoreApplication.translate("ImportAction", "%Ln line(s)", None, count),
        "routine": QCoreApplication.translate("ImportAction", "%Ln routine(s)", None, count),
    }
    return plural(texts[noun], count)


def format_name(kind: ImportFormat) -> str:
    return {
        ImportFormat.STRONG: _t("Strong (CSV export)"),
        ImportFormat.HEVY: _t("Hevy (CSV export)"),
        ImportFormat.FITNOTES: _t("FitNotes (CSV export)"),
        ImportFormat.HINGE_CSV: _t("Hinge (CSV export)"),
        ImportFormat.HINGE_JSON: _t("Hinge (JSON export of the whole log)"),
    }[kind]


def day_text(moment: datetime) -> str:
    day = moment.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def dates_text(first: datetime | None, last: datetime | None) -> str:
    """ "17 Mar 2026 to 7 Apr 2026", or the one day."""
    if first is None or last is None:
        return "—"
    if first.date() == last.date():
        return day_text(first)
    return _t("{first} to {last}").format(first=day_text(first), last=day_text(last))


def adds_text(prepared: PreparedImport, new_routines: int = 0) -> str:
    """What an import adds: "27 sets in 5 workouts, 3 new drills of your own, 2 routines"."""
    plan = prepared.plan
    text = counted(prepared.new_sets, "set")
    if plan.workout_count:
        text = _t("{sets} in {workouts}").format(
            sets=text, workouts=counted(plan.workout_count, "workout")
        )
    if plan.new_drills:
        text += ", " + counted(len(plan.new_drills), "own drill")
    if new_routines:
        text += ", " + counted(new_routines, "routine")
    return text


def exercise_rows(
    prepared: PreparedImport, name_of: Callable[[str], str]
) -> list[tuple[str, str, ExerciseMatch]]:
    """Each exercise of the file as the person knows it, and the drill it becomes.

    ``name_of`` gives a drill's name in this log (its id when the log does not know it).
    Hinge's JSON names every drill by its id and brings the person's own drills with their
    names: the rows say those names, never an id."""
    brought = prepared.parsed.extras.get("custom_drills")
    names = {d["id"]: d["name"] for d in brought} if isinstance(brought, list) else {}
    by_id = prepared.plan.format is ImportFormat.HINGE_JSON
    rows = []
    for match in prepared.plan.matches:
        known = name_of(match.drill_id)
        if match.new:
            becomes = _t("new drill of your own")
        elif known != match.drill_id:
            becomes = known
        else:
            becomes = names.get(match.drill_id, match.drill_id)
        exercise = match.exercise
        if by_id:
            exercise = names.get(exercise) or name_of(exercise)
        rows.append((exercise, becomes, match))
    return rows


def routines_text(names: tuple[str, ...]) -> str:
    """The routines an import brings, by name (empty when none)."""
    if not names:
        return ""
    return _t("Routines that come too: {names}").format(names=", ".join(names))


def skipped_text(prepared: PreparedImport) -> str:
    if not prepared.already_there:
        return _t("none of these sets")
    return _t("{sets}, not added again").format(sets=counted(prepared.already_there, "set"))


def problems_text(prepared: PreparedImport) -> str:
    """Why nothing of a file with bad lines is imported, and what to do."""
    return _t(
        "Nothing will be imported until the file is fixed: {lines} of {file} cannot be read "
        "(listed below). Correct or delete them in the file, then import it again."
    ).format(lines=counted(len(prepared.plan.problems), "line"), file=prepared.path.name)


def imported_text(file_name: str, outcome: ImportOutcome) -> str:
    """ "Imported 1,234 sets in 56 workouts from strong.csv; 3 new drills of your own"."""
    if outcome.sets_added == 0:
        return _t("Nothing imported: every set of {file} is in your log already.").format(
            file=file_name
        )
    if outcome.workouts_added:
        text = _t("Imported {sets} in {workouts} from {file}").format(
            sets=counted(outcome.sets_added, "set"),
            workouts=counted(outcome.workouts_added, "workout"),
            file=file_name,
        )
    else:
        text = _t("Imported {sets} from {file}").format(
            sets=counted(outcome.sets_added, "set"), file=file_name
        )
    if outcome.drills_added:
        text += "; " + counted(outcome.drills_added, "own drill")
    if outcome.sets_already_there:
        text += "; " + _t("{sets} already in your log were skipped").format(
            sets=counted(outcome.sets_already_there, "set")
        )
    return text


def weights_text(weights: tuple[float, ...], more: bool = False) -> str:
    """ "62.5, 102.5, 22.5…" in the locale's digits."""
    shown = ", ".join(QLocale().toString(weight, "g", 7) for weight in weights)
    return shown + ("…" if more else "")


def clue_text(guess: UnitGuess) -> str:
    """What the numbers say about the unit, in the words of ``UnitGuess.reason``."""
    weights = weights_text(guess.examples, guess.more)
    texts = {
        Clue.HEAVY: _t("{lift} at {weights} is more than people lift in kg"),
        Clue.KG_PLATES: _t("they step by {step} kg: {weights}"),
        Clue.KG_BAR: _t("barbell loads are a 20 kg bar and pairs of plates: {weights}"),
        Clue.LB_BAR: _t("barbell loads are a 45 lb bar and pairs of plates: {weights}"),
        Clue.KETTLEBELL_KG: _t("kettlebells of {weights} are kilogram sizes"),
        Clue.KETTLEBELL_LB: _t("kettlebells of {weights} are kilogram bells sold in pounds"),
        Clue.BOTH: _t(
            "the numbers point both ways: some look like kg ({weights}), some like lb ({against})"
        ),
        Clue.NONE: _t("the weights ({weights}) could be kg or lb"),
    }
    return texts[guess.clue].format(
        lift=guess.lift,
        weights=weights,
        step=QLocale().toString(guess.step, "g", 3),
        against=weights_text(guess.against),
    )


def unit_reason_text(prepared: PreparedImport) -> str:
    """Why the preview's unit is the one shown, or why none is: the line under the choice."""
    guess = prepared.guess
    if guess is None:
        return ""
    clue = clue_text(guess)
    if prepared.unit_source is UnitSource.UNDECIDED:
        return _t(
            "The file does not say, and the numbers do not tell: {clue}. Choose the unit you "
            "lifted in."
        ).format(clue=clue)
    if guess.unit is None:
        return _t("Your choice: the numbers do not tell, as {clue}.").format(clue=clue)
    if guess.unit is prepared.plan.unit:
        text = _t("Guessed from the numbers: {clue}").format(clue=clue)
    else:
        text = _t("Your choice; the numbers suggested {unit}: {clue}").format(
            unit=guess.unit.value, clue=clue
        )
    return text if text.endswith("…") else text + "."


def encoding_text(parsed: ParsedFile) -> str:
    """How the file was read, when a person should know ("" for UTF-8)."""
    if parsed.encoding is TextEncoding.WINDOWS_1252:
        return _t("Windows-1252: the file is not UTF-8")
    return ""


def not_stored_text(error: Exception) -> str:
    """Why storing an import failed; nothing of it is in the log."""
    if isinstance(error, ImportNotStored):
        why = {
            Fault.DISK_FULL: _t("Nothing was imported: the disk is full."),
            Fault.READ_ONLY: _t("Nothing was imported: the log cannot be written (read-only)."),
            Fault.IN_USE: _t("Nothing was imported: another program holds the log."),
        }
        if error.fault in why:
            return why[error.fault]
    return _t("Nothing was imported: {error}").format(error=str(error).rstrip(".")) + "."
