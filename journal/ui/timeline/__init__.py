"""Browsing: the timeline model, delegate and view, the calendar, the search bar and the reader."""
