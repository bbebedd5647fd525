"""Hinge: a desktop coach for learning and training the hip hinge.

This module is the single source of the app's identity; packaging reads it too.
"""

__version__ = "0.1.0"
APP_NAME = "Hinge"
APP_ID = "app.hinge.Hinge"
"""Reverse-DNS id: desktop file, AppStream metainfo and the window's app id."""
ORGANIZATION_DOMAIN = "hinge.app"
COMMAND = "hinge-desktop"
