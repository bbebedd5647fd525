"""What the views are built from, and what the rest of Hinge needs from them once built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoStack
from shiboken6 import Shiboken

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.camera.camera_panel import CameraPanel
from hinge_desktop.ui.checkpoints import Checkpointer
from hinge_desktop.ui.companion.companion import Companion
from hinge_desktop.ui.desktop.desktop_services import DesktopServices
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.library.ladder_coach import LadderCoach
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.settings.backups_panel import BackupsPanel
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.today.today_view import TodayView
from hinge_desktop.ui.transfer.import_action import ImportController
from hinge_desktop.ui.workout.hurt_answer import HurtAnswer
from hinge_desktop.ui.workout.set_logger import SetLogger
from hinge_desktop.ui.workout.workout_view import WorkoutView


@dataclass(frozen=True)
class Services:
    """What the views are built from: the opened log, the voice, the settings, the folders, the
    catalogue, the drills' names, the one undo stack and the one signal that the log changed."""

    store: Store
    speaker: Speaker
    preferences: Preferences
    paths: DataPaths
    catalogue: Catalogue
    names: DrillNames
    undo_stack: QUndoStack
    log_changes: LogChanges


@dataclass(frozen=True)
class InstalledViews:
    """What the rest of Hinge needs from the views once they are built."""

    services: Services
    workout: WorkoutView
    set_logger: SetLogger
    start_plan: Callable[[WorkoutPlan], None]
    ladder: LadderCoach
    progress: ProgressView
    today: TodayView
    reader: BackgroundReader
    backups: BackupsPanel
    importing: ImportController
    hurt: HurtAnswer
    checkpointer: Checkpointer
    desktop: DesktopServices
    companion: Companion

    @property
    def catalogue(self) -> Catalogue:
        return self.services.catalogue

    @property
    def undo_stack(self) -> QUndoStack:
        return self.services.undo_stack

    def shutdown(self) -> None:
        """Hinge is quitting: stop listening to the log and reading it before the database
        closes."""
        if Shiboken.isValid(self.workout):  # a set being filmed is saved
            for camera in self.workout.findChildren(CameraPanel):
                camera.shutdown()
        self.set_logger.shutdown()
        self.hurt.shutdown()
        self.ladder.shutdown()
        self.importing.shutdown()
        self.today.shutdown()
        self.reader.shutdown()
        self.checkpointer.shutdown()
        self.companion.shutdown()
        self.desktop.shutdown()
