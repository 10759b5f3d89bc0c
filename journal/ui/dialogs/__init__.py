"""Opened from the menus: settings, import, export, PDF, Insights, about, help, rescue, unlock."""
