"""Generate and remove synthetic data: `generate(scale=..., seed=...)`, `remove()`."""

from django.apps import apps
from django.db import connection, models, transaction

from .generator import DatasetPresent, generate, holds_clara_dataset, sizes_for
from .models import SyntheticBatch

__all__ = ["DatasetPresent", "generate", "holds_clara_dataset", "remove", "sizes_for"]


def _models_by_table() -> dict[str, type[models.Model]]:
    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


@transaction.atomic
def remove(*, batches=None) -> dict[str, int]:
    """Delete every row the given batches (default: all) wrote; returns rows deleted per table.

    Rows of other tables that point at them (added since, e.g. by a staff member) follow their
    foreign key's rule: CASCADE deletes them, SET_NULL empties the link, PROTECT makes the
    removal fail and roll back.
    """
    batches = list(batches if batches is not None else SyntheticBatch.objects.all())
    ranges = [r for batch in batches for r in batch.ranges.order_by("-position")]
    generated = {r.table for r in ranges}
    by_table = _models_by_table()
    quote = connection.ops.quote_name
    deleted: dict[str, int] = {}
    with connection.cursor() as cursor:
        for r in ranges:
            model = by_table.get(r.table)
            if model is not None and r.column == "id":
                for relation in model._meta.related_objects:
                    related = relation.related_model
                    if not relation.many_to_one and not relation.one_to_one:
                        continue
                    table = related._meta.db_table
                    if table in generated or not related._meta.managed:
                        continue
                    column = quote(relation.field.column)
                    where = f"{column} BETWEEN %s AND %s"
                    if relation.on_delete is models.CASCADE:
                        cursor.execute(
                            f"DELETE FROM {quote(table)} WHERE {where}", [r.first_id, r.last_id]
                        )
                    elif relation.on_delete is models.SET_NULL:
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {column} = NULL WHERE {where}",
                            [r.first_id, r.last_id],
                        )
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
    return deleted
