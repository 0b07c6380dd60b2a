"""Frozen entry point of the console executable (fulian.exe)."""

import sys

from desktop.cli import main

sys.exit(main())
