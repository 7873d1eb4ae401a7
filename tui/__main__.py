"""``python -m tui`` runs the ``briefing`` command."""

from .cli import main

raise SystemExit(main())
