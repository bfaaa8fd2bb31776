"""`python -m mghandout` runs the `make-handout` command."""

import sys

from mghandout.cli import main

sys.exit(main())
