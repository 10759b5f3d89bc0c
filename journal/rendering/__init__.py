"""Markdown to sanitized HTML, code highlighting, images and the export documents."""
