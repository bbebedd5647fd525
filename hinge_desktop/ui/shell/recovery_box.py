"""What the check before opening the log did, told in one message box: a damaged, emptied or
missing log restored from a backup (and how many sets that backup holds), or part of an unclosed
write-ahead log that could not be read. It never stops the app."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.storage.integrity import EMPTY, MISSING, Recovery, StartCheck
from hinge_desktop.ui.plurals import plural
from hinge_desktop.ui.settings.backups_panel import made_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def _pages(count: int) -> str:
    return plural(QCoreApplication.translate("Recovery", "%Ln page(s)", None, count), count)


def _sets(count: int) -> str:
    text = QCoreApplication.translate("Recovery", "%Ln set(s)", None, count)
    # Grouped as the person's locale groups digits; without a locale (C), as in English.
    locale = QLocale()
    grouped = f"{count:,}" if locale.language() == QLocale.Language.C else locale.toString(count)
    return plural(text.replace(str(count), grouped, 1), count)


def start_check_box(parent: QWidget, check: StartCheck) -> QMessageBox | None:
    """The box that says what ``check`` did, or None when there is nothing to say."""
    recovery = check.recovery
    wal_message = check.kept_wal.message if check.kept_wal is not None else None
    if recovery is None and wal_message is None:
        return None
    if recovery is not None:
        title, text = _recovery_text(recovery)
    else:
        title = tr("Part of the last changes could not be read")
        text = ""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("recoveryBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    details = []
    if recovery is not None and recovery.damaged_path is not None:
        kept = tr("The damaged file is kept (nothing was deleted):\n{path}")
        if recovery.problem == EMPTY:
            kept = tr("The empty file is kept:\n{path}")
        details.append(kept.format(path=recovery.damaged_path))
    if wal_message is not None and check.kept_wal is not None:
        lost = tr(
            "Hinge did not close properly last time, and {pages} of what it was writing to the "
            "log could not be read: the sets logged just before it stopped may be missing. "
            "What it was writing is kept for a rescue:\n{path}"
        ).format(pages=_pages(check.kept_wal.report.lost), path=check.kept_wal.path)
        details.append(lost)
    if text:
        box.setInformativeText("\n\n".join(details))
    else:
        box.setText("\n\n".join(details))
    if recovery is not None and not recovery.missing:
        box.setDetailedText(tr("What SQLite found: {problem}").format(problem=recovery.problem))
    return box


def _recovery_text(recovery: Recovery) -> tuple[str, str]:
    if recovery.rebuilt:
        return tr("Your training log was repaired"), tr(
            "Your training log was damaged. Hinge rebuilt it from everything it still held: "
            "{sets}, no fewer than the newest backup holds."
        ).format(sets=_sets(recovery.restored_sets or 0))
    if recovery.problem == MISSING:
        title = tr("Your training log was missing")
        found = tr("Your training log was missing.")
    elif recovery.problem == EMPTY:
        title = tr("Your training log was empty")
        found = tr("Your training log was empty.")
    else:
        title = tr("Your training log was damaged")
        found = tr("Your training log was damaged.")
    backup = recovery.restored_from
    if backup is None:
        return title, found + " " + tr(
            "No good backup was found, so Hinge starts with an empty training log."
        )
    restored = tr("Hinge restored the newest good backup, made {when}").format(
        when=made_text(QLocale(), backup.made_at)
    )
    if recovery.restored_sets is not None:
        restored += tr(", holding {sets}").format(sets=_sets(recovery.restored_sets))
    restored += tr(". Sets logged after that backup are missing from the log.")
    return title, f"{found} {restored}"
