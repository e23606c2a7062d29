"""An edition as PDF (WeasyPrint, with Debian's pango): from the printable HTML, which holds
its styles, logo and charts inline; nothing is fetched from anywhere."""

from django.core.exceptions import SuspiciousOperation


def _no_fetching(url: str, *args, **kwargs):
    raise SuspiciousOperation(f"A report document may not fetch {url}")


def pdf_from_html(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching, base_url=None).write_pdf()
