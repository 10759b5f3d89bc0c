"""PyInstaller's entry script: the same as the `daybook` console script (journal.cli:main)."""

from journal.cli import main

raise SystemExit(main())
