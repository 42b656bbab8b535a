"""``python -m fusediff``: the ``fusediff`` command."""
import sys

from .cli import main

sys.exit(main())
