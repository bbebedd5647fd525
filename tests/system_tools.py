"""Tests that need a program from the system: skip where it is missing, but never in CI."""

from __future__ import annotations

import os
import shutil

import pytest


def missing(reason: str) -> None:
    """Skip with ``reason``; in CI the system must have it, so fail there instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run this test", pytrace=False)
    pytest.skip(reason)


def require(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        missing(f"{tool} is not installed (Debian package {package})")
