from django.contrib import admin
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from backoffice.access import StaffRequiredMixin
from institutions.models import Institution
from partnerships.models import Partnership

from . import selectors


class TimelineView(StaffRequiredMixin, PermissionRequiredMixin, TemplateView):
    """A record's evidence timeline in the back-office: everything the staff member may see
    (confidential agreements only with the permission), with the next actions."""

    template_name = "evidence/timeline.html"
    raise_exception = True
    model = None

    def get_permission_required(self):
        return [f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"]

    def see_all(self, record) -> list[dict]:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        record = get_object_or_404(self.model, pk=kwargs["pk"])
        meta = record._meta
        return super().get_context_data(
            **admin.site.each_context(self.request),
            title=_("Activity timeline: %(record)s") % {"record": record},
            record=record,
            record_url=reverse(
                f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]
            ),
            timeline=self.timeline(record),
            see_all=self.see_all(record),
            public=False,
        )


def _changelist(model: str, query: str, label: str) -> dict:
    return {"url": f"{reverse(f'admin:{model}_changelist')}?{query}", "label": label}


class PartnershipTimelineView(TimelineView):
    model = Partnership

    def timeline(self, record):
        return selectors.partnership_timeline(record, user=self.request.user)

    def see_all(self, record):
        return [
            _changelist(
                "partnerships_agreement", f"partnership__id__exact={record.pk}", _("agreements")
            ),
            _changelist(
                "mobility_mobilityexchange", f"partnership__id__exact={record.pk}", _("mobilities")
            ),
            _changelist("events_event", f"partnership__id__exact={record.pk}", _("events")),
        ]


class InstitutionTimelineView(TimelineView):
    model = Institution

    def timeline(self, record):
        return selectors.institution_timeline(record, user=self.request.user)

    def see_all(self, record):
        return [
            _changelist(
                "partnerships_agreement",
                f"parties__institution__id__exact={record.pk}",
                _("agreements"),
            ),
            _changelist(
                "euprojects_participation", f"institution__id__exact={record.pk}", _("EU projects")
            ),
        ]
