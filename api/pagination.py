"""Pages of a fixed size, numbered or reached by a cursor.

- No exact COUNT over a large table or a broad search: the count stops at API_COUNT_CAP
  (`count_capped` says so), and numbered pages after it are still served while they have rows.
- `next` and `previous` of a list sorted by columns (`SeekOrder`) are cursor links: the cursor
  holds the sort key of the last (first) row served, and the next page starts right after it by
  a seek on the sort index (`WHERE (name, id) > (…) ORDER BY name, id LIMIT 26`): a page costs
  the same at any depth, and a traversal neither skips nor repeats rows when records are added
  or removed meanwhile. At the end of the rows whose first sort column has a value, the rows
  without one (a name missing in that language) are read by one more query.
- `?page=N` keeps working (random access) up to API_MAX_PAGE: it skips the rows before it
  reading only their keys, a bounded cost; a deeper number is a 404 pointing to the cursors,
  which go on at any depth.
- A search ranked by relevance has no cursor: its candidates are bounded, its pages numbered.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.utils import translation
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.paging import CappedPaginator

CURSOR_HELP = (
    "Where a page starts: the `next` and `previous` links carry it (an opaque string, to be "
    "followed, not built). A page reached by its cursor costs the same at any depth, and "
    "following the links neither skips nor repeats records added or removed meanwhile; `page` "
    "is ignored when a cursor is given. Not available with keywords (`q`): search results are "
    "numbered pages. An invalid cursor is a 404."
)


@dataclass(frozen=True)
class Key:
    """One column of a sort order; nulls come last (`nulls_last`), whatever the direction."""

    field: str
    descending: bool = False
    nullable: bool = False  # set from the model field by SeekOrder.columns()


class SeekOrder:
    """The order of a list, ending with the primary key (so that it is total), by which a cursor
    seeks: SeekOrder("name", "pk"), SeekOrder(Key("signed_on", descending=True), "reference",
    "pk"). A translated field sorts by its column in the cursor's language (name -> name_fr)."""

    def __init__(self, *keys):
        self.keys = tuple(Key(key) if isinstance(key, str) else key for key in keys)
        if self.keys[-1].field != "pk":
            raise ValueError("A seek order ends with the primary key.")

    def columns(self, model, language: str) -> list[Key]:
        translated = get_translatable_fields_for_model(model) or []
        columns = []
        for key in self.keys:
            if key.field == "pk":
                columns.append(Key("pk", key.descending))
                continue
            field = (
                build_localized_fieldname(key.field, language)
                if key.field in translated
                else key.field
            )
            columns.append(Key(field, key.descending, model._meta.get_field(field).null))
        return columns

    @staticmethod
    def ordering(columns: list[Key], *, reverse: bool = False) -> list:
        ordering = []
        for key in columns:
            descending = key.descending != reverse
            nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
            expression = F(key.field)
            if key.nullable:
                ordering.append(expression.desc(**nulls) if descending else expression.asc(**nulls))
            else:
                ordering.append(expression.desc() if descending else expression.asc())
        return ordering

    @staticmethod
    def after(columns: list[Key], values: list, *, reverse: bool = False) -> Q:
        """Rows strictly after `values` in the order (before them with `reverse`), written so
        that the first column bounds an index range: `name >= x AND (name > x OR (…))`.

        Rows whose first column is null (they come last) are left out when that column has a
        value: an OR with `IS NULL` would make the database scan the index from its start, so
        they are read apart (`null_tail`)."""
        condition = Q(pk__in=[])  # nothing
        equal = Q()
        for position, (key, value) in enumerate(zip(columns, values, strict=True)):
            nulls = not (position == 0 and SeekOrder.null_tail(columns, values, reverse=reverse))
            condition |= equal & SeekOrder._beyond(key, value, reverse, nulls=nulls)
            equal &= (
                Q(**{f"{key.field}__isnull": True}) if value is None else Q(**{key.field: value})
            )
        first, value = columns[0], values[0]
        if value is not None:
            lookup = "lte" if first.descending != reverse else "gte"
            condition &= Q(**{f"{first.field}__{lookup}": value})
        return condition

    @staticmethod
    def null_tail(columns: list[Key], values: list, *, reverse: bool = False) -> bool:
        """Whether the rows whose first column is null follow, apart from `after()`."""
        return columns[0].nullable and values[0] is not None and not reverse

    @staticmethod
    def _beyond(key: Key, value, reverse: bool, *, nulls: bool = True) -> Q:
        """Rows whose `key` column comes strictly after `value` (nulls last; first in reverse)."""
        null = Q(**{f"{key.field}__isnull": True})
        if value is None:
            return ~null if reverse and key.nullable else Q(pk__in=[])
        lookup = "lt" if key.descending != reverse else "gt"
        beyond = Q(**{f"{key.field}__{lookup}": value})
        return beyond | null if key.nullable and nulls and not reverse else beyond


class Cursor:
    """Encoded as URL-safe base64 of JSON: [direction, language, key values]."""

    AFTER, BEFORE = "a", "b"

    def __init__(self, direction: str, language: str, values: list):
        self.direction, self.language, self.values = direction, language, values

    def encode(self) -> str:
        values = [v.isoformat() if isinstance(v, datetime.date) else v for v in self.values]
        raw = json.dumps([self.direction, self.language, values], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, model, seek: SeekOrder) -> "Cursor":
        """The cursor, its values checked against the columns' types; NotFound otherwise."""
        try:
            raw = base64.urlsafe_b64decode(text.encode("ascii") + b"=" * (-len(text) % 4))
            direction, language, values = json.loads(raw)
            if direction not in (cls.AFTER, cls.BEFORE):
                raise ValueError
            if language not in settings.MODELTRANSLATION_LANGUAGES:
                raise ValueError
            columns = seek.columns(model, language)
            if not isinstance(values, list) or len(values) != len(columns):
                raise ValueError
            pairs = zip(columns, values, strict=True)
            values = [_checked(model, key, value) for key, value in pairs]
        except (ValueError, TypeError, UnicodeError, binascii.Error) as error:
            raise NotFound("Invalid cursor: follow the `next` and `previous` links.") from error
        return cls(direction, language, values)


def _checked(model, key: Key, value):
    if value is None:
        if not key.nullable:
            raise ValueError
        return None
    field = model._meta.pk if key.field == "pk" else model._meta.get_field(key.field)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError
    if isinstance(value, str) and "\x00" in value:
        raise ValueError
    try:
        python = field.to_python(value)
    except Exception as error:  # a ValidationError of the field: not a value of this column
        raise ValueError from error
    if isinstance(python, int) and not -(2**63) <= python < 2**63:
        raise ValueError
    return python


def _value(row, key: Key):
    return row.pk if key.field == "pk" else getattr(row, key.field)


# No list has this many pages: a larger number is not found (its offset would overflow the
# database's integers).
MAX_PAGE_NUMBER = 10**9


def page_number(value: str) -> str:
    """The page number asked for, without leading zeros; NotFound if it is none or too large."""
    digits = value.lstrip("0")
    if not (value.isascii() and value.isdigit() and digits):
        raise NotFound("Page numbers are whole numbers from 1.")
    if len(digits) > len(str(MAX_PAGE_NUMBER)) or int(digits) > MAX_PAGE_NUMBER:
        raise NotFound("That page contains no results")
    return digits


class StrictPagePagination(PageNumberPagination):
    page_size = 25
    django_paginator_class = CappedPaginator
    cursor_query_param = "cursor"

    def paginate_queryset(
        self, queryset, request, view=None, *, count=None, capped=False, seek=None
    ):
        """`seek`: the SeekOrder of the list (it sorts the queryset), for cursors; `count`,
        `capped`: a count already known (a search's candidates)."""
        value = request.query_params.get(self.page_query_param)
        if value is not None:
            value = page_number(value)
        self.known = (count, capped)
        self.seek, self.cursor_page = seek, None
        cursor = request.query_params.get(self.cursor_query_param)
        if seek is None:
            if cursor is not None:
                raise NotFound("This list has numbered pages only (no cursor with keywords).")
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        self.model = queryset.model
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        if self.language not in settings.MODELTRANSLATION_LANGUAGES:
            self.language = settings.MODELTRANSLATION_LANGUAGES[0]
        if cursor is not None:
            return self._cursor_page(queryset, Cursor.decode(cursor, self.model, seek))
        self.columns = seek.columns(self.model, self.language)
        queryset = queryset.order_by(*seek.ordering(self.columns))
        number = int(value) if value is not None else 1
        if number > settings.API_MAX_PAGE:
            # A deep number would skip every row before it: the cursor goes on at any depth.
            raise NotFound(
                f"Numbered pages stop at page {settings.API_MAX_PAGE}: to read further, follow "
                "the `next` links (cursors), from that page or from the first."
            )
        rows = super().paginate_queryset(queryset, request, view)
        self.has_next, self.has_previous = self.page.has_next(), self.page.has_previous()
        self.rows = rows
        return rows

    def _cursor_page(self, queryset, cursor: Cursor):
        self.language = cursor.language
        self.columns = self.seek.columns(self.model, cursor.language)
        reverse = cursor.direction == Cursor.BEFORE
        seeking = queryset.filter(SeekOrder.after(self.columns, cursor.values, reverse=reverse))
        seeking = seeking.order_by(*SeekOrder.ordering(self.columns, reverse=reverse))
        rows = list(seeking[: self.page_size + 1])
        if len(rows) <= self.page_size and SeekOrder.null_tail(
            self.columns, cursor.values, reverse=reverse
        ):
            # The last rows with a value in the first column: those without one come next.
            tail = queryset.filter(**{f"{self.columns[0].field}__isnull": True})
            tail = tail.order_by(*SeekOrder.ordering(self.columns))
            rows += list(tail[: self.page_size + 1 - len(rows)])
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if reverse:
            rows.reverse()
            self.has_next, self.has_previous = bool(rows), more
        else:
            self.has_next, self.has_previous = more, True
        paginator = self.django_paginator_class(queryset, self.page_size)
        count, capped = self.known
        paginator.known_count, paginator.known_capped = count, capped
        self.cursor_page = paginator
        self.rows = rows
        return rows

    def get_page_number(self, request, paginator):
        count, capped = getattr(self, "known", (None, False))
        paginator.known_count, paginator.known_capped = count, capped
        paginator.keys_only = getattr(self, "seek", None) is not None
        number = super().get_page_number(request, paginator)
        return page_number(number) if isinstance(number, str) else number

    def _cursor_link(self, row, direction: str) -> str:
        values = [_value(row, key) for key in self.columns]
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        token = Cursor(direction, self.language, values).encode()
        return replace_query_param(url, self.cursor_query_param, token)

    def get_next_link(self):
        if self.seek is None:
            return super().get_next_link()
        if not (self.has_next and self.rows):
            return None
        return self._cursor_link(self.rows[-1], Cursor.AFTER)

    def get_previous_link(self):
        if self.seek is None:
            return super().get_previous_link()
        if not (self.has_previous and self.rows):
            return None
        return self._cursor_link(self.rows[0], Cursor.BEFORE)

    def get_paginated_response(self, data):
        paginator = self.cursor_page or self.page.paginator
        return Response(
            {
                "count": paginator.count,
                "count_capped": paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["description"] = (
                    "A page number, from 1 to API_MAX_PAGE (200; deeper is a 404). To read a "
                    "list through, follow the `next` links (cursors) instead: they cost the "
                    "same at any depth."
                )
        parameters.append(
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": CURSOR_HELP,
                "schema": {"type": "string"},
            }
        )
        return parameters

    def get_paginated_response_schema(self, schema):
        answer = super().get_paginated_response_schema(schema)
        answer["properties"]["count"]["description"] = (
            "Number of results, counted up to a bound: when `count_capped` is true there are "
            "more (a search ranks its best candidates only; a list goes on page after page)."
        )
        answer["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "True when `count` is a lower bound rather than the exact number.",
        }
        for link, where in (("next", "after the last"), ("previous", "before the first")):
            answer["properties"][link]["description"] = (
                f"The page {where} result of this one, null if none. A list's links carry a "
                "`cursor` (a page reached by its cursor costs the same at any depth); search "
                "results (`q`) have numbered pages."
            )
            answer["properties"][link]["example"] = (
                f"http://api.example.org/accounts/?{self.cursor_query_param}=WyJhIiwiZnIiLFsxXV0"
            )
        answer["required"] = [*answer["required"], "count_capped"]
        return answer
