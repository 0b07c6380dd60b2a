"""Use cases that the GUI and the CLI both call: open, save, copy a year, import, export, validate."""
