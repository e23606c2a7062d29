import contextlib
import re

import pytest
from django.db import IntegrityError, transaction


@contextlib.contextmanager
def refused_by_database(*patterns: str):
    """The database itself refuses the write; its error names the constraint or the columns.

    PostgreSQL names every constraint; SQLite names check constraints and, for a unique
    constraint, the columns. Each pattern is a regular expression, one of which must match.
    """
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        yield
    message = str(error.value)
    assert any(re.search(p, message) for p in patterns), message


def whole_sitemap(client) -> str:
    """The sitemap index followed by every page of every section it lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    text = index.content.decode()
    pages = re.findall(r"<loc>http://testserver(/[^<]+)</loc>", text)
    assert pages, "the sitemap index lists no section"
    parts = [text]
    for page in pages:
        response = client.get(page.replace("&amp;", "&"))
        assert response.status_code == 200, page
        parts.append(response.content.decode())
    return "\n".join(parts)


def admin_form_data(response) -> dict:
    """What an admin change (or history) page's form would send as it is: the main form's and
    the inline rows' values, the inline management forms."""
    form = response.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    for formset in response.context.get("inline_admin_formsets") or []:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
        for inline_form in formset.formset.initial_forms:
            for name, field in inline_form.fields.items():
                value = inline_form.initial.get(name, field.initial)
                if value is not None:
                    data[inline_form.add_prefix(name)] = value

    def plain(value):
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value.pk if hasattr(value, "pk") else value

    return {k: plain(v) for k, v in data.items()}


def sign_in(client, username, password, token="", ip="10.1.1.1"):
    """The back-office's sign-in form sent as a person fills it, from the address `ip`."""
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "otp_token": token},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def totp_code(device) -> str:
    """The code the authenticator app of `device` shows now."""
    from django_otp.oath import totp

    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(6)
