"""Generate and remove synthetic data: `generate(scale=..., seed=...)`, `remove()`."""

from django.apps import apps
from django.db import connection, models, transaction

from pagecache.cache import bump_content_version

from .generator import DatasetPresent, generate, holds_clara_dataset, sizes_for
from .models import SyntheticBatch

__all__ = [
    "DatasetPresent",
    "SyntheticDataInUse",
    "generate",
    "holds_clara_dataset",
    "remove",
    "sizes_for",
]


def _models_by_table() -> dict[str, type[models.Model]]:
    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


class SyntheticDataInUse(Exception):
    """A record outside the synthetic batches relies on one of its records (PROTECT)."""


@transaction.atomic
def remove(*, batches=None) -> dict[str, int]:
    """Delete every row the given batches (default: all) wrote; returns rows deleted per table.

    Rows written since by someone else that point at them follow their foreign key's rule:
    CASCADE deletes them, SET_NULL empties the link, PROTECT stops the removal (nothing is
    deleted, SyntheticDataInUse says what holds on).
    """
    batches = list(batches if batches is not None else SyntheticBatch.objects.all())
    ranges = [r for batch in batches for r in batch.ranges.order_by("-position")]
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in ranges:
        spans.setdefault(r.table, []).append((r.first_id, r.last_id))
    by_table = _models_by_table()
    quote = connection.ops.quote_name
    deleted: dict[str, int] = {}

    def outside(table: str, pk: str) -> tuple[str, list]:
        """SQL condition: the row is not one of those being removed."""
        own = spans.get(table, [])
        if not own:
            return "", []
        sql = " AND NOT (" + " OR ".join(f"{pk} BETWEEN %s AND %s" for _ in own) + ")"
        return sql, [bound for span in own for bound in span]

    with connection.cursor() as cursor:
        # First what others hold: fail before deleting anything.
        followers = []
        for r in ranges:
            model = by_table.get(r.table)
            if model is None or r.column != "id":
                continue
            for relation in model._meta.get_fields(include_hidden=True):
                if not (relation.auto_created and not relation.concrete):
                    continue
                if not (relation.one_to_many or relation.one_to_one):
                    continue
                related = relation.related_model
                if not related._meta.managed or not relation.field.db_constraint:
                    continue
                table = related._meta.db_table
                column = quote(relation.field.column)
                extra, params = outside(table, quote(related._meta.pk.column))
                where = f"{column} BETWEEN %s AND %s{extra}"
                params = [r.first_id, r.last_id, *params]
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)} WHERE {where}", params)
                count = cursor.fetchone()[0]
                if not count:
                    continue
                if relation.on_delete in (models.CASCADE, models.SET_NULL):
                    followers.append((relation.on_delete, table, column, where, params))
                else:
                    raise SyntheticDataInUse(
                        f"{count} {related._meta.verbose_name_plural} outside the synthetic data "
                        f"rely on synthetic {model._meta.verbose_name_plural}: remove or relink "
                        "them first."
                    )
        for on_delete, table, column, where, params in followers:
            if on_delete is models.CASCADE:
                cursor.execute(f"DELETE FROM {quote(table)} WHERE {where}", params)
            else:
                cursor.execute(f"UPDATE {quote(table)} SET {column} = NULL WHERE {where}", params)
        for r in ranges:
            model = by_table.get(r.table)
            cursor.execute(
                f"DELETE FROM {quote(r.table)} WHERE {quote(r.column)} BETWEEN %s AND %s",
                [r.first_id, r.last_id],
            )
            deleted[r.table] = deleted.get(r.table, 0) + cursor.rowcount
            if model is not None and r.column == "id" and hasattr(model, "history"):
                # Later versions of a synthetic record (edited in the back-office) go too.
                history = model.history.model._meta.db_table
                cursor.execute(
                    f"DELETE FROM {quote(history)} WHERE {quote('id')} BETWEEN %s AND %s",
                    [r.first_id, r.last_id],
                )
                deleted[history] = deleted.get(history, 0) + cursor.rowcount
    for batch in batches:
        batch.delete()
    bump_content_version()
    return deleted
