"""Pagination of long public lists without counting them: a COUNT reads every row."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as CountedPage
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


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
