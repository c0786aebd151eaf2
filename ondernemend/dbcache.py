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
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')}, {quote_name('expires')} FROM {quote_name(self._table)} "
                f"WHERE {quote_name('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or _as_datetime(row[1], connection) < now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(
                base64.b64decode(connection.ops.process_clob(row[0]).encode(), validate=True)
            )
            new_value = value + delta
            encoded = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {quote_name(self._table)} SET {quote_name('value')} = %s "
                f"WHERE {quote_name('cache_key')} = %s",
                [encoded, key],
            )
        return new_value


def _as_datetime(value, connection):
    """The `expires` column as an aware datetime, converted as Django's own DatabaseCache does."""
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
        value = converter(value, expression, connection)
    return value
