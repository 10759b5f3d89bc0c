"""The journal schema's migrations, one module per revision, in order."""
