"""The uploaded files, copied through Django's storage API, so a backup works for any storage backend.

Files go into `<backup>/media/<name>` under their storage name; restoring saves them under the same name and
never overwrites a different file that is already there.
"""

import hashlib
import shutil
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import BackupError
from .manifest import CHUNK, MEDIA_DIR


def stored_names(storage, directory: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # no upload yet: the file system storage has not made MEDIA_ROOT
        return []
    names = [f"{directory}{name}" for name in files]
    for name in directories:
        names += stored_names(storage, f"{directory}{name}/")
    return sorted(names)


def copy_out(storage, backup_root: Path) -> int:
    names = stored_names(storage)
    for name in names:
        target = backup_root / MEDIA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with storage.open(name, "rb") as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy, CHUNK)
        except OSError as error:
            raise BackupError(
                _("Cannot read the uploaded file %(name)s: %(error)s") % {"name": name, "error": error}
            ) from error
    return len(names)


def storage_name(entry: dict) -> str:
    return entry["path"].removeprefix(MEDIA_DIR + "/")


def stored_checksum(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def conflicts(storage, entries: list[dict]) -> list[str]:
    """Names that exist already with other content; the same file is fine (a second restore attempt)."""
    return [
        storage_name(entry)
        for entry in entries
        if storage.exists(storage_name(entry))
        and stored_checksum(storage, storage_name(entry)) != entry["sha256"]
    ]


def copy_in(storage, backup_root: Path, entries: list[dict]) -> int:
    copied = 0
    for entry in entries:
        name = storage_name(entry)
        if storage.exists(name):
            continue  # conflicts() has made sure it is the same file
        with (backup_root / entry["path"]).open("rb") as source:
            saved = storage.save(name, source)
        if saved != name:  # the storage chose another name: the database would point at a missing file
            raise BackupError(_("The storage saved %(name)s as %(saved)s.") % {"name": name, "saved": saved})
        copied += 1
    return copied
