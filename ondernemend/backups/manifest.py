"""The manifest of a backup folder: what is in it, with a SHA-256 and size per file. No database here.

A backup folder holds `database.dump`, `media/…` and `manifest.json`. The manifest is written last, so a
folder without one was never finished; restoring checks every file against it before touching anything.
"""

import hashlib
import json
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from .errors import BackupError

FORMAT = "ondernemend-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DUMP_NAME = "database.dump"
MEDIA_DIR = "media"
PARTIAL_SUFFIX = ".partial"
CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_safe_relative(name: str) -> bool:
    """A path that stays inside the backup folder: relative, no `..`, no backslashes or empty parts."""
    if not isinstance(name, str) or not name:
        return False
    path = PurePosixPath(name)
    return (
        "\\" not in name
        and not path.is_absolute()
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )


def files_in(root: Path) -> list[str]:
    """Every file under root as a relative POSIX path, sorted, without the manifest itself."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).as_posix() != MANIFEST_NAME
    )


def build_manifest(
    *,
    root: Path,
    created_at: str,
    versions: dict,
    database: dict,
    migrations: dict[str, list[str]],
    row_counts: dict[str, int],
) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created_at,
        "versions": versions,
        "database": database,
        "migrations": migrations,
        "row_counts": row_counts,
        "files": [
            {"path": name, "size": (root / name).stat().st_size, "sha256": sha256_of(root / name)}
            for name in files_in(root)
        ],
    }


def write_manifest(root: Path, manifest: dict) -> None:
    (root / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_manifest(root: Path) -> dict:
    if root.name.endswith(PARTIAL_SUFFIX) or not (root / MANIFEST_NAME).is_file():
        raise BackupError(
            _(
                "%(folder)s is not a complete backup: it has no manifest.json. "
                "A backup that stopped halfway looks like this."
            )
            % {"folder": root}
        )
    try:
        manifest = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(
            _("The manifest.json in %(folder)s is damaged: it is not valid JSON.") % {"folder": root}
        ) from error
    files = manifest.get("files") if isinstance(manifest, dict) else None
    well_formed = isinstance(files, list) and all(isinstance(entry, dict) for entry in files)
    if (
        not well_formed
        or manifest.get("format") != FORMAT
        or not isinstance(manifest.get("row_counts"), dict)
    ):
        raise BackupError(_("%(folder)s is not a backup of this platform.") % {"folder": root})
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "The backup has format version %(found)s; "
                "this version of the platform reads version %(expected)s."
            )
            % {"found": manifest.get("format_version"), "expected": FORMAT_VERSION}
        )
    return manifest


def media_entries(manifest: dict) -> list[dict]:
    prefix = MEDIA_DIR + "/"
    return [entry for entry in manifest["files"] if entry["path"].startswith(prefix)]


def problems(root: Path, manifest: dict) -> list[str]:
    """Everything that differs between the folder and its manifest; no problems: the backup is whole."""
    found, listed = [], set()
    for entry in manifest.get("files", []):
        name = entry.get("path", "")
        if not is_safe_relative(name):
            found.append(_("%(file)s: not a path inside the backup folder") % {"file": name})
            continue
        listed.add(name)
        path = root / name
        if not path.is_file():
            found.append(_("%(file)s: missing") % {"file": name})
        elif path.stat().st_size != entry.get("size"):
            found.append(_("%(file)s: the size differs from the manifest") % {"file": name})
        elif sha256_of(path) != entry.get("sha256"):
            found.append(_("%(file)s: the checksum differs from the manifest") % {"file": name})
    if DUMP_NAME not in listed and not (root / DUMP_NAME).is_file():
        found.append(_("%(file)s: missing") % {"file": DUMP_NAME})
    found += [
        _("%(file)s: not in the manifest") % {"file": name} for name in files_in(root) if name not in listed
    ]
    return found
