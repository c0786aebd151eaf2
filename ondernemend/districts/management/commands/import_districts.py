import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ondernemend.districts.services import import_district_boundaries


class Command(BaseCommand):
    help = (
        "Import district (stadsdeel) boundaries from a GeoJSON FeatureCollection of Polygon or MultiPolygon "
        "features whose name property names a district. Nothing is saved unless the whole file is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the GeoJSON file")
        parser.add_argument(
            "--name-property",
            default="name",
            help="the feature property that holds the district name (default: name)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check the file, save nothing")

    def handle(self, *args, path, name_property, dry_run, **options):
        feature_collection = self.read_geojson(Path(path))
        try:
            result = import_district_boundaries(
                feature_collection, name_property=name_property, dry_run=dry_run
            )
        except ValidationError as error:
            lines = [_("Nothing was imported from %(path)s:") % {"path": path}]
            lines += [f"- {message}" for message in error.messages]
            raise CommandError("\n".join(lines)) from error

        names = ", ".join(district.name for district in result.imported)
        count = len(result.imported)
        if dry_run:
            message = ngettext(
                "The file is valid. It has the boundary of %(count)d district: %(names)s.",
                "The file is valid. It has the boundaries of %(count)d districts: %(names)s.",
                count,
            )
            self.stdout.write(message % {"count": count, "names": names})
            self.stdout.write(_("Dry run: nothing was saved."))
        else:
            message = ngettext(
                "Imported the boundary of %(count)d district: %(names)s.",
                "Imported the boundaries of %(count)d districts: %(names)s.",
                count,
            )
            self.stdout.write(self.style.SUCCESS(message % {"count": count, "names": names}))
        if result.unchanged:
            self.stdout.write(
                _("Not in the file, so left as they were: %(names)s.")
                % {"names": ", ".join(district.name for district in result.unchanged)}
            )

    def read_geojson(self, path: Path):
        if not path.exists():
            raise CommandError(_("The file %(path)s does not exist.") % {"path": path})
        if not path.is_file():
            raise CommandError(_("%(path)s is not a file.") % {"path": path})
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise CommandError(
                _("The file %(path)s is not JSON: it is not UTF-8 text.") % {"path": path}
            ) from error
        except json.JSONDecodeError as error:
            raise CommandError(
                _("The file %(path)s is not valid JSON: error at line %(line)d, column %(column)d.")
                % {"path": path, "line": error.lineno, "column": error.colno}
            ) from error
