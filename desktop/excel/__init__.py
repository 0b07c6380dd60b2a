"""Excel: the report's tables out (xlsx), the activity ledger and budget tables in, templates to fill."""
