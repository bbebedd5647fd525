"""File → Analyse a clip…: a video filmed from the side (on a phone, or with Hinge's camera)
run through the pose assist, a line per rep as it is found.

The analysis is the command line's own (``--analyse VIDEO --drill ID``) run as a separate
process: the window goes on answering, Stop ends it at once, and the lines shown are the ones
the command prints.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QProcessEnvironment, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop import COMMAND
from hinge_desktop.domain.drills import Drill
from hinge_desktop.storage.clip_store import named_drill
from hinge_desktop.ui.widgets.start_folder import documents_folder
from hinge_desktop.vision.pose_model import INSTALL, pose_model_installed

VIDEO_FILTER = "*.mp4 *.m4v *.mov *.mkv *.webm *.avi"


def tr(text: str) -> str:
    return QCoreApplication.translate("Analyse", text)


def analyse_command(video: Path, drill_id: str) -> tuple[str, list[str]]:
    """The program and arguments that analyse ``video`` as this Hinge does from its command
    line (a bundled Hinge is its own program; an installed one runs as a module)."""
    arguments = ["--analyse", str(video), "--drill", drill_id]
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "hinge_desktop", *arguments]


class AnalyseDialog(QDialog):
    def __init__(
        self,
        drills: Sequence[Drill],
        chosen: Drill | None = None,
        video: Path | None = None,
        parent: QWidget | None = None,
        *,
        look_in: Path | None = None,
    ) -> None:
        """``look_in``: where the file chooser opens (the filmed clips, say)."""
        super().__init__(parent)
        self.setObjectName("analyseDialog")
        self._look_in = look_in
        self.setWindowTitle(tr("Analyse a clip"))
        self._process: QProcess | None = None
        self._errors = ""
        self._unread = b""
        self._stopping = False
        self.drill = QComboBox()
        self.drill.setObjectName("analyseDrill")
        for drill in drills:
            self.drill.addItem(drill.name, drill.id)
        if chosen is not None and (index := self.drill.findData(chosen.id)) >= 0:
            self.drill.setCurrentIndex(index)
        self.file = QLineEdit(str(video) if video else "")
        self.file.setObjectName("analyseFile")
        self.file.setPlaceholderText(tr("A video filmed from the side, the whole body in view"))
        self.file.textChanged.connect(self._ready)
        self.file.textChanged.connect(self._drill_of_file)
        choose = QPushButton(tr("Choose…"))
        choose.setObjectName("analyseChoose")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        video_label = QLabel(tr("&Video:"))
        video_label.setBuddy(self.file)
        form.addRow(video_label, file_row)
        form.addRow(tr("&Drill:"), self.drill)
        self.output = QPlainTextEdit()
        self.output.setObjectName("analyseOutput")
        self.output.setReadOnly(True)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.output.setAccessibleName(tr("What the pose assist found"))
        self.status = QLabel()
        self.status.setObjectName("analyseStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start = buttons.addButton(tr("Analyse"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start.setObjectName("analyseStart")
        self.start.setDefault(True)
        self.start.clicked.connect(self.start_or_stop)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self._installed = pose_model_installed()
        if not self._installed:
            opening = tr("Analysing a clip needs the pose assist: {command}")
        elif not drills:
            opening = tr("No drill can be followed by the camera.")
        else:
            opening = tr("Reps are counted from the hip. It cannot see the shape of your back.")
        self._opening = opening.format(command=INSTALL)
        self.status.setText(self._opening)
        self._ready()

    def _drill_of_file(self) -> None:
        """Another file: the last one's answer goes, and a clip Hinge filmed names its drill
        (``…--wall-hinge-check.mp4``), which is chosen."""
        if not self.is_running():
            self.output.clear()
            self.status.setText(self._opening)
        named = named_drill(Path(self.file.text().strip()))
        index = self.drill.findData(named[0]) if named is not None else -1
        if index >= 0:
            self.drill.setCurrentIndex(index)

    def _ready(self) -> None:
        running = self.is_running()
        self.start.setText(tr("Stop") if running else tr("Analyse"))
        self.start.setEnabled(
            running or (self._installed and self.drill.count() > 0 and bool(self.file.text()))
        )
        self.drill.setEnabled(not running)
        self.file.setEnabled(not running)

    def choose_file(self) -> None:
        dialog = QFileDialog(self, tr("Choose a video"))
        dialog.setObjectName("analyseFileDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        chosen = Path(self.file.text().strip()).expanduser()
        if chosen.parent.is_dir() and self.file.text().strip():
            dialog.setDirectory(str(chosen.parent))
        elif self._look_in is not None and self._look_in.is_dir():
            dialog.setDirectory(str(self._look_in))
        else:
            dialog.setDirectory(str(documents_folder()))
        dialog.setNameFilters([tr("Videos ({patterns})").format(patterns=VIDEO_FILTER)])
        dialog.fileSelected.connect(self.file.setText)
        dialog.open()

    def is_running(self) -> bool:
        return self._process is not None

    def start_or_stop(self) -> None:
        if self.is_running():
            self.stop()
        else:
            self.analyse()

    def analyse(self) -> None:
        video = Path(self.file.text().strip()).expanduser()
        if not video.is_file():
            self.status.setText(tr("There is no file at {path}.").format(path=video))
            return
        program, arguments = analyse_command(video, str(self.drill.currentData()))
        process = QProcess(self)
        process.setObjectName("analyseProcess")
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONIOENCODING", "utf-8")  # its lines, whatever the code page
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._not_started)
        self._process = process
        self._errors = ""
        self._unread = b""
        self._stopping = False
        self.output.clear()
        self.status.setText(tr("Analysing {name}…").format(name=video.name))
        process.start(program, arguments)
        self._ready()

    def _read(self) -> None:
        """Whole lines, as they come: a line may arrive in two reads."""
        if self._process is None:
            return
        self._unread += bytes(self._process.readAllStandardOutput().data())
        *lines, self._unread = self._unread.split(b"\n")
        for line in lines:
            self.output.appendPlainText(line.decode(errors="replace").rstrip("\r"))

    def _read_errors(self) -> None:
        if self._process is not None:
            data = self._process.readAllStandardError().data()
            self._errors += bytes(data).decode(errors="replace")

    def _not_started(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self.status.setText(
                tr("The analysis could not start: {why}").format(why=self._process.errorString())
            )
            self._done()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        self._read_errors()
        if self._unread:
            self.output.appendPlainText(self._unread.decode(errors="replace"))
            self._unread = b""
        crashed = status == QProcess.ExitStatus.CrashExit
        # The command's own words; other libraries' notes may share its line on stderr.
        said = [
            line[:1].upper() + line[1:]
            for line in re.findall(rf"{re.escape(COMMAND)}: (.+)", self._errors)
        ]
        if crashed and self._stopping:
            self.status.setText(tr("Stopped."))
        elif crashed:
            self.status.setText(
                tr("The analysis stopped unexpectedly: {why}").format(
                    why=" ".join(said) or self._errors.strip()[-200:] or tr("no reason given")
                )
            )
        elif code == 0:
            lines = self.output.toPlainText().splitlines()
            self.status.setText(" ".join(said) or (lines[-1] if lines else tr("Done.")))
        else:
            self.status.setText(
                " ".join(said) or tr("The analysis failed (exit code {code}).").format(code=code)
            )
        self._done()

    def _done(self) -> None:
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self._ready()

    def stop(self) -> None:
        if self._process is not None:
            self._stopping = True
            self._process.kill()

    def done(self, result: int) -> None:
        if self._process is not None:
            self._process.finished.disconnect(self._finished)
            self._process.kill()
            self._process.waitForFinished(2000)
            self._done()
        super().done(result)
