from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from partnerships.models import AgreementDocument


class AgreementDocumentDownloadView(LoginRequiredMixin, View):
    """Streams a private agreement document to a staff member allowed to read it."""

    def get(self, request, pk: int):
        user = request.user
        if not (user.is_staff and user.has_perm("partnerships.view_agreementdocument")):
            raise PermissionDenied
        document = get_object_or_404(AgreementDocument.objects.visible_to(user), pk=pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404("The document file is missing from storage.") from missing
        filename = document.file.name.rsplit("/", 1)[-1]
        response = FileResponse(handle, as_attachment=True, filename=filename)
        response["Content-Type"] = "application/pdf"
        response["Cache-Control"] = "private, no-store"
        return response
