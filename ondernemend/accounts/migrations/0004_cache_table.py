"""Create the database cache table with the rest of the schema, so a deploy needs only `migrate`.

The rate limits of log-in-related forms (password reset here, the public forms elsewhere) count in the shared
cache; with the default `CACHE_URL` (`dbcache://django_cache`) that is a table, and without it those forms
would answer 500. `createcachetable` does nothing for other cache backends (Redis) and for a table that exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_invitation")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
