from django.urls import path

from . import views

app_name = "mobility"

urlpatterns = [
    path("figures/", views.MobilityFiguresView.as_view(), name="mobility-figures"),
    path("figures.csv", views.MobilityFiguresCsvView.as_view(), name="mobility-figures-csv"),
]
