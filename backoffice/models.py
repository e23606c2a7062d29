"""The back-office has no tables of its own. This module makes it an app with models, so that
Django sends it post_migrate, which keeps the staff roles equal to backoffice.roles.ROLES."""
