"""Writing: the Markdown editor, its highlighter, spelling and images."""
