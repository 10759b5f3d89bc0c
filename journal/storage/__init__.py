"""The journal file: SQLite with its full-text index, attachments, backups and encryption."""
