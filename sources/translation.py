# Sources are cited as published, in their own language: nothing to translate.
from simple_history import register as register_history

from .models import Source, SourceLink

register_history(Source)
register_history(SourceLink)
