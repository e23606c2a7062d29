"""What other apps keep about a person, reached without people importing them: an app that
keeps what a person sent from their e-mail address connects to these signals."""

from django.dispatch import Signal

# Sent with `emails` (a set of lower-case addresses); each receiver returns {section: [rows]}.
personal_data_exported = Signal()
# Sent with `emails` before the person is deleted; each receiver erases what it keeps.
personal_data_erased = Signal()
