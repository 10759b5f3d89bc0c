"""Shared by every screen: wording, i18n, errors, worker, busy, theme, placement, crash log."""
