"""Backups: `manage.py backup` and `manage.py restore_backup` (docs/operations.md).

manifest.py is pure (files and checksums), postgres.py talks to PostgreSQL's own tools, media.py copies the
uploaded files through Django's storage. The app has no models.
"""
