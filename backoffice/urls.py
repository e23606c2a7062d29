from django.urls import path

from . import views

app_name = "backoffice"

urlpatterns = [
    path(
        "documents/<int:pk>/",
        views.AgreementDocumentDownloadView.as_view(),
        name="agreement-document",
    ),
    path("two-factor/", views.TwoFactorView.as_view(), name="two-factor"),
]
