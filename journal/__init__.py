"""Daybook: a desktop journal for end-of-day work reflections."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Daybook"
