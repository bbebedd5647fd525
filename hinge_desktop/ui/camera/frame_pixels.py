"""A Qt picture as the array of RGB pixels a pose model reads."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def rgb_pixels(image: QImage) -> np.ndarray:
    """``image`` as height × width × 3 bytes, red first, in memory of its own."""
    if image.format() != QImage.Format.Format_RGB888:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    height, width = image.height(), image.width()
    rows = np.frombuffer(image.constBits(), np.uint8, height * image.bytesPerLine())
    pixels = rows.reshape(height, image.bytesPerLine())[:, : width * 3]
    return pixels.reshape(height, width, 3).copy()
