# CORDIS publishes its projects in English only: no translated field. Review decisions are
# kept in the history, as ROR matches are.
from simple_history import register as register_history

from .models import OrganisationMatch

register_history(OrganisationMatch)
