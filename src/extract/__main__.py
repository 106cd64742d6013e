"""`python -m extract …` does what the `extract` command does."""

import sys

from .cli import main

sys.exit(main())
