"""``python -m conflictlens.evaluate GOLD ...``: the evaluate command without the main CLI."""

from conflictlens.evaluate.cli import main

main()
