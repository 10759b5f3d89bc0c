"""The end-of-day prompt: its window, reminders, tray, notifications and catch-up."""
