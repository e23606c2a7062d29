"""Every paginator of the project: a COUNT reads every row, an OFFSET skips every row before it.

- `UncountedPaginator`: public lists and the admin's autocompletes, one row more than a page
  tells whether another follows; `max_pages` bounds the depth.
- `BoundedPaginator`: counted pages, the first `max_pages` only (past them: 404).
- `CappedPaginator`: the API's lists, counted up to API_COUNT_CAP (api.pagination adds cursors).
- `EstimatedCountPaginator`: the admin's changelists, counted exactly up to a limit, estimated
  beyond; deep pages skip keys, not joined rows.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.core.paginator import Page as CountedPage
from django.db import connections
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.functional import cached_property


class UncountedPage(CountedPage):
    def __init__(self, object_list, number, paginator, has_next: bool, truncated: bool = False):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next
        self.truncated = truncated  # more rows follow, past the last page served

    def has_next(self) -> bool:
        return self._has_next

    def next_page_number(self) -> int:
        return self.number + 1


class UncountedPaginator(Paginator):
    """Reads one row more than a page to know whether another page follows: showing a page
    never counts the rows."""

    counted = False  # pages say "Page 3", not "Page 3 of 40"
    max_pages: int | None = None  # a deep page skips (and tests) every row before it

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if self.max_pages and number > self.max_pages:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number) -> UncountedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        more = len(rows) > self.per_page
        last = self.max_pages is not None and number == self.max_pages
        return UncountedPage(rows[: self.per_page], number, self, more and not last, more and last)


def count_of(model, fk: str):
    """The number of `model` rows pointing at each listed row: a subquery the database runs
    for the page's rows only, not a join and GROUP BY over the whole table."""
    counted = (
        model._default_manager.filter(**{fk: OuterRef("pk")})
        .order_by()
        .values(fk)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


class BoundedPaginator(Paginator):
    """Counted pages, the first `max_pages` only: a deeper page would skip (and read) every row
    before it. Past the bound a page is not found (`page_or_404`); the last page served says
    more rows follow (`truncated`), for the template to point to a narrower list."""

    def __init__(self, object_list, per_page, *, max_pages: int, count: int | None = None):
        super().__init__(object_list, per_page)
        self.max_pages = max_pages
        if count is not None:
            self.count = count

    @property
    def all_pages(self) -> int:
        return -(-self.count // self.per_page) if self.count else 1

    @property
    def num_pages(self) -> int:
        return min(self.all_pages, self.max_pages)

    def page_or_404(self, number):
        """The page asked for (the first if none); Http404 if it is not a number or not served."""
        try:
            page = self.page(number or 1)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        page.truncated = page.number == self.max_pages < self.all_pages
        return page


class CappedPage(Page):
    def has_next(self):
        if self.paginator.capped:
            return len(self.object_list) == self.paginator.per_page
        return super().has_next()


class CappedPaginator(Paginator):
    """Counts up to a bound (a LIMIT subquery), or takes a count already known."""

    known_count: int | None = None
    known_capped = False
    keys_only = False  # skip the rows before a numbered page by their keys only (a seek order)

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        cap = settings.API_COUNT_CAP
        return self.object_list.order_by()[: cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.known_capped or (
            self.known_count is None and self.count > settings.API_COUNT_CAP
        )

    def validate_number(self, number):
        if self.capped:
            number = int(number) if str(number).isdigit() else 0
            if number < 1:
                raise EmptyPage("That page number is less than 1")
            return number
        return super().validate_number(number)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.capped and top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list[bottom:top]
        if self.keys_only and bottom:
            # The skipped rows are read from the sort index (keys only), the page's rows in full.
            rows = self.object_list.filter(pk__in=self.object_list.values("pk")[bottom:top])
        page = self._get_page(rows, number, self)
        if self.capped and number > 1 and not page.object_list:
            raise EmptyPage("That page contains no results")
        return page

    def _get_page(self, *args, **kwargs):
        return CappedPage(*args, **kwargs)


# Beyond this many rows a list says "more than …" instead of counting them all
# (settings.ADMIN_EXACT_COUNT_LIMIT; the tests lower it to cross it with little data).
EXACT_COUNT_LIMIT = 10_000
# Changelist pages starting past this many rows skip keys, not joined rows (EstimatedCount-
# Paginator.page()).
DEEP_PAGE_ROWS = 1_000


def exact_count_limit() -> int:
    return getattr(settings, "ADMIN_EXACT_COUNT_LIMIT", EXACT_COUNT_LIMIT)


def capped_count_and_estimate(queryset, limit: int) -> tuple[int, int | None]:
    """The number of rows up to `limit` + 1, and (PostgreSQL, unfiltered list) the table's
    estimated rows: always exactly one query, whatever the number of rows."""
    capped = queryset.order_by().values("pk")[: limit + 1]
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or queryset.query.where:
        return capped.count(), None
    sql, params = capped.query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM (" + sql + ") AS capped), "
            "(SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s))",
            [*params, connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        counted, estimate = cursor.fetchone()
    return counted, estimate if estimate is not None and estimate >= 0 else None


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to the limit (ADMIN_EXACT_COUNT_LIMIT rows); beyond, the unfiltered
    list of a big table takes PostgreSQL's estimate and a filtered one stops counting at the
    limit (`count_is` says which, for the "about …" / "more than …" of the list's footer).
    One query in every case: the same work below and above the limit."""

    count_is = "exact"
    # The list's footer (django-unfold's pagination includes a paginator's own template).
    template_name = "admin/clara_pagination.html"

    @cached_property
    def count(self) -> int:
        limit = exact_count_limit()
        counted, estimate = capped_count_and_estimate(self.object_list, limit)
        if counted <= limit:
            return counted
        if estimate is not None and estimate > limit:
            self.count_is = "estimate"
            return estimate
        self.count_is = "at_least"
        return limit

    def page(self, number):
        """A deep page (past DEEP_PAGE_ROWS) skips the keys before it, on the order's index, then
        reads its own rows with their related records by key: the rows skipped are never joined
        nor read. Two queries whatever the depth; a shallow page stays one."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < DEEP_PAGE_ROWS:
            return super().page(number)
        keys = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = self.object_list.model._default_manager.none()
        if keys:
            rows = self.object_list.filter(pk__in=keys)
        by_key = {row.pk: row for row in rows}
        return self._get_page([by_key[key] for key in keys if key in by_key], number, self)
