from sesame.backends import ModelBackend


class EmailLinkBackend(ModelBackend):
    """Signs in by the one-time link of an e-mail (django-sesame): applicants and external
    reviewers only. Staff sign in with their password and second factor, never by a link."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not (user.is_staff or user.is_superuser)
