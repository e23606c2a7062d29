"""Pages of a fixed size; a page number that is not a positive whole number is not found."""

from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination


class StrictPagePagination(PageNumberPagination):
    page_size = 25

    def paginate_queryset(self, queryset, request, view=None):
        value = request.query_params.get(self.page_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            raise NotFound("Page numbers are whole numbers from 1.")
        return super().paginate_queryset(queryset, request, view)
