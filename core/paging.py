"""Pagination of long public lists without counting them: a COUNT reads every row."""

from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as CountedPage
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404


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
