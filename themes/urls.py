from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("", views.ResearchThemeListView.as_view(), name="theme-list"),
    path("<slug:slug>/", views.ResearchThemeDetailView.as_view(), name="theme-detail"),
]
