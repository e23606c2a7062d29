"""Reads of EU projects for the public pages."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from institutions.models import Institution

from .models import Participation, Project

PROJECTS_SHOWN = 10


@dataclass
class ProjectWithPartners:
    project: Project
    clara_partners: list[Institution]


def projects_with_clara(institution: Institution) -> QuerySet:
    """The institution's EU projects in which a CLARA member takes part too, newest first."""
    return (
        Project.objects.with_clara_partner(institution)
        .distinct()
        .order_by("-start_date", "acronym", "pk")
    )


def with_clara_partners(projects: list[Project], institution: Institution) -> list:
    """Each project with its CLARA members (other than `institution`): one query."""
    partners: dict[int, list[Institution]] = {project.pk: [] for project in projects}
    rows = (
        Participation.objects.clara()
        .filter(project__in=list(partners))
        .exclude(institution=institution)
        .select_related("institution")
        .order_by("institution__name", "pk")
    )
    for row in rows:
        if row.institution not in partners[row.project_id]:
            partners[row.project_id].append(row.institution)
    return [ProjectWithPartners(project, partners[project.pk]) for project in projects]


def institution_projects(institution: Institution, *, limit: int = PROJECTS_SHOWN):
    """The first `limit` projects with CLARA partners, and whether there are more."""
    projects = list(projects_with_clara(institution)[: limit + 1])
    return with_clara_partners(projects[:limit], institution), len(projects) > limit


def institutions_sharing_projects_with_clara() -> QuerySet:
    """Participations (as `institution` values) of institutions in an EU project where a CLARA
    member other than themselves takes part."""
    other_member = (
        Participation.objects.clara()
        .filter(project=OuterRef("project"))
        .exclude(institution=OuterRef("institution"))
    )
    return (
        Participation.objects.filter(institution__isnull=False)
        .filter(Exists(other_member))
        .order_by()
        .values("institution")
        .distinct()
    )
