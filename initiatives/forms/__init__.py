"""Forms of the map, one module per view module (edit, report, transfer)."""
