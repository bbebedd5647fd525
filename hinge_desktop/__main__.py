"""``python -m hinge_desktop`` runs the app exactly as the ``hinge-desktop`` command does."""

import sys

from hinge_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
