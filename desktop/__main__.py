"""`python -m desktop` starts the program."""

import sys

from .app import main

sys.exit(main())
