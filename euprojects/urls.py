from django.urls import path

from . import views

app_name = "euprojects"

urlpatterns = [
    path(
        "institution/<slug:slug>/",
        views.InstitutionProjectsView.as_view(),
        name="institution-projects",
    ),
]
