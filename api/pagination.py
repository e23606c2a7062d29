"""Pages of a fixed size; a page number that is not a positive whole number is not found.

No exact COUNT over a large table or a broad search: the count stops at API_COUNT_CAP
(`count_capped` says so), and pages after it are still served while they have rows."""

from django.conf import settings
from django.core.paginator import EmptyPage, Page, Paginator
from django.utils.functional import cached_property
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class CappedPage(Page):
    def has_next(self):
        if self.paginator.capped:
            return len(self.object_list) == self.paginator.per_page
        return super().has_next()


class CappedPaginator(Paginator):
    """Counts up to a bound (a LIMIT subquery), or takes a count already known."""

    known_count: int | None = None
    known_capped = False

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
        if not self.capped:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        page = self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
        if number > 1 and not page.object_list:
            raise EmptyPage("That page contains no results")
        return page

    def _get_page(self, *args, **kwargs):
        return CappedPage(*args, **kwargs)


class StrictPagePagination(PageNumberPagination):
    page_size = 25
    django_paginator_class = CappedPaginator

    def paginate_queryset(self, queryset, request, view=None, *, count=None, capped=False):
        value = request.query_params.get(self.page_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            raise NotFound("Page numbers are whole numbers from 1.")
        self.known = (count, capped)
        return super().paginate_queryset(queryset, request, view)

    def get_page_number(self, request, paginator):
        count, capped = getattr(self, "known", (None, False))
        paginator.known_count, paginator.known_capped = count, capped
        return super().get_page_number(request, paginator)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_capped": self.page.paginator.capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

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
        answer["required"] = [*answer["required"], "count_capped"]
        return answer
