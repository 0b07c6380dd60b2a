"""The PySide6 user interface: windows, forms and dialogs over the services (never SQL here)."""
