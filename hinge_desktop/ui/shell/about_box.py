"""Help → About: Hinge's name, version and promise, and the Qt it runs on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop import APP_NAME, __version__


def open_about(window: QWidget) -> QMessageBox:
    """Open the About box over ``window`` (it deletes itself when closed)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(tr("About {app}").format(app=APP_NAME))
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setText(
        tr("<h3>{app} {version}</h3><p>A desktop coach for the hip hinge.</p>").format(
            app=APP_NAME, version=__version__
        )
    )
    box.setInformativeText(
        tr("Your training log stays on this computer.<br>Qt {qt}").format(qt=qVersion())
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
