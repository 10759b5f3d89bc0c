"""The journal's rules as plain values and functions: entries, tags, dates, queries, streaks.

No storage, no Qt: everything here can be tested without a database or a display.
"""
