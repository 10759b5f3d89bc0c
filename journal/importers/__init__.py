"""Readers for other journals' files (jrnl, Day One, RedNotebook, Markdown notes, JSON).

Each turns a file or folder into new entries and notes what it skipped; none writes to the
journal itself: the import service stores what they read.
"""
