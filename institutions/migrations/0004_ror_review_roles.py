"""Staff roles and the review list of ROR match proposals: editors review, viewers look (granted
by backoffice.signals.sync_roles; this migration is a no-op)."""

from django.db import migrations

REVIEW = {
    "Viewer": ["view_rormatch"],
    "Editor": ["view_rormatch", "change_rormatch"],
    "Agreements manager": ["view_rormatch", "change_rormatch"],
}


# Granted by backoffice.signals.sync_roles on post_migrate (backoffice.roles.ROLES), the one
# mechanism; this step of the history no longer grants anything (REVIEW records what it did).


class Migration(migrations.Migration):
    dependencies = [
        ("institutions", "0003_ror_directory"),
        ("backoffice", "0001_roles"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
