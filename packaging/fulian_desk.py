"""Frozen entry point of the GUI executable (fulian-desk.exe)."""

import sys

from desktop.app import main

sys.exit(main())
