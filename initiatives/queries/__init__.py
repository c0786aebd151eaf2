"""Reads of the map, one module per view module: `public` for the map and its pages, `edit` for managing."""
