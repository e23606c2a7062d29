from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("staff/<str:token>.ics", views.staff_calendar, name="staff-calendar"),
    path("my-calendar/", views.CalendarTokenView.as_view(), name="calendar-token"),
]
