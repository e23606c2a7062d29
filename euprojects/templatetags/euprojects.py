from django import template

from euprojects.selectors import institution_projects

register = template.Library()


@register.inclusion_tag("euprojects/includes/institution_projects.html")
def eu_projects_with_clara(institution):
    """An institution's EU projects with CLARA partners (bounded), for its public page."""
    projects, more = institution_projects(institution)
    return {"institution": institution, "projects": projects, "more": more}
