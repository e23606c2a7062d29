from django.http import HttpResponse
from django.views import View
from django.views.generic import TemplateView

from adminkit.spreadsheets import SafeWriter

from .selectors import mobility_figures


class MobilityFiguresView(TemplateView):
    template_name = "mobility/figures.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(figures=mobility_figures(), **kwargs)


class MobilityFiguresCsvView(View):
    def get(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="clara-mobility-figures.csv"'
        writer = SafeWriter(response, typeset=True)  # French typography on /fr/
        writer.writerow(["figure", "label", "value"])
        for figure in mobility_figures():
            for label, value in figure.rows:
                writer.writerow([figure.key, str(label), value])
        return response
