"""Reports: outline (ordered sections bound to data) → document model → Word / PDF writers."""
