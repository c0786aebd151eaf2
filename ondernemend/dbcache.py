"""Django's database cache with an atomic `incr`, for rate-limit counters shared by all workers.

Django's own `DatabaseCache.incr` reads the value and writes it back: two workers counting at the same
moment lose a count, and the write gives the counter the default timeout (so a one-hour window would end
after five minutes). Here `incr` locks the row (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises
writing transactions, see the `transaction_mode` in settings) and changes only the value, never the expiry.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        table, value_column, expires_column, key_column = map(
            quote_name, (self._table, "value", "expires", "cache_key")
        )
        # Only quoted identifiers from our own settings are formatted into the SQL; the key is a parameter.
        where = f"WHERE {key_column} = %s"
        select = f"SELECT {value_column}, {expires_column} FROM {table} {where}{lock}"  # nosec B608 # see above
        update = f"UPDATE {table} SET {value_column} = %s {where}"  # nosec B608 # see above
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(select, [key])
            row = cursor.fetchone()
            if row is None or _as_datetime(row[1], connection) < now():
                raise ValueError(f"Key '{key}' not found")
            # Our own cache table, written only by our cache code: unpickled as Django does.
            value = pickle.loads(  # nosec B301 # not untrusted data: see above
                base64.b64decode(connection.ops.process_clob(row[0]).encode(), validate=True)
            )
            new_value = value + delta
            encoded = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            cursor.execute(update, [encoded, key])
        return new_value


def _as_datetime(value, connection):
    """The `expires` column as an aware datetime, converted as Django's own DatabaseCache does."""
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
        value = converter(value, expression, connection)
    return value
