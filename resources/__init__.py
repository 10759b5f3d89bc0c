"""Icons, style sheets, templates and translations, installed as `daybook_resources`."""
