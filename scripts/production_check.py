#!/usr/bin/env python3
"""Check a running deployment as a person would: pages, admin login, several servers.

    scripts/production_check.py --site https://partnerships.example.org \\
        [--server http://10.0.0.11:8000 --server http://10.0.0.12:8000] \\
        [--username admin --password ... [--otp-token CODE ...] --agreement 1]

--site is checked through the proxy (pages, static files, /healthz, admin login). With two
--server addresses (application servers reached directly, as the proxy reaches them), it logs in
on the first and continues on the second, uploads a document on the first and downloads it from
the second. Standard library only; exits 1 at the first failure.
"""

import argparse
import http.client
import re
import ssl
import sys
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class CheckFailed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """A browser's cookies shared across servers of one site (cookies ignore the port)."""

    def __init__(self, base: str, cookies: dict[str, str], *, direct: bool, insecure: bool):
        self.base = base.rstrip("/")
        parts = urlsplit(self.base)
        self.netloc = parts.netloc
        self.https = parts.scheme == "https"
        self.cookies = cookies
        # Straight to an application server: say what the TLS proxy would say.
        self.direct = direct
        self.origin = f"https://{self.netloc}" if direct else f"{parts.scheme}://{self.netloc}"
        self.context = ssl._create_unverified_context() if insecure else None

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Response:
        if self.https:
            conn = http.client.HTTPSConnection(self.netloc, timeout=30, context=self.context)
        else:
            conn = http.client.HTTPConnection(self.netloc, timeout=30)
        sent = {"Accept-Language": "en", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.direct:
            sent["X-Forwarded-Proto"] = "https"
        if method == "POST":
            sent.setdefault("Referer", self.origin + path)
            sent.setdefault("Origin", self.origin)
        conn.request(method, path, body=body, headers=sent)
        raw = conn.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post_form(self, path: str, fields: list[tuple[str, str]]) -> Response:
        body = urlencode(fields).encode()
        return self.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def post_multipart(
        self, path: str, fields: list[tuple[str, str]], files: dict[str, tuple[str, bytes]]
    ) -> Response:
        boundary = uuid.uuid4().hex
        chunks = []
        for name, value in fields:
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content) in files.items():
            chunks.append(
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/pdf\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        chunks.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            b"".join(chunks),
            {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )


class FormFields(HTMLParser):
    """The fields a browser would submit from the form with the given id, as they are."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "__prefix__" in (a.get("name") or ""):
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    check(bool(parser.fields), f"no form #{form_id} on the page")
    return parser.fields


def login(client: Client, username: str, password: str, otp_token: str = "") -> None:
    page = client.get("/admin/login/?next=/admin/")
    check(page.status == 200, f"{client.base}/admin/login/ answered {page.status}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    check(token is not None, "no CSRF token on the login page")
    answer = client.post_form(
        "/admin/login/?next=/admin/",
        [
            ("csrfmiddlewaretoken", token.group(1)),
            ("username", username),
            ("password", password),
            ("otp_token", otp_token),
            ("next", "/admin/"),
        ],
    )
    check(
        answer.status == 302 and answer.headers["Location"].endswith("/admin/"),
        f"login on {client.base} failed (status {answer.status})",
    )


def logged_in(client: Client) -> bool:
    page = client.get("/admin/")
    return page.status == 200 and 'id="logout-form"' in page.text


def check_pages(site: Client) -> None:
    home = site.get("/")
    check(home.status == 302, f"/ answered {home.status}, expected a redirect to a language")
    for path in ("/fr/", "/en/", "/fr/collaborations/", "/api/", "/sitemap.xml", "/robots.txt"):
        page = site.get(path)
        check(page.status == 200, f"{path} answered {page.status}")
        print(f"ok: {path} 200, {len(page.body)} bytes, request id {page.headers['X-Request-ID']}")
    css = re.search(r'href="(/static/[^"]+\.css)"', site.get("/fr/").text)
    check(css is not None, "no stylesheet on the home page")
    static = site.get(css.group(1))
    check(static.status == 200 and static.body, f"{css.group(1)} answered {static.status}")
    print(f"ok: static file {css.group(1)}")
    missing = site.get("/fr/no-such-page/")
    check(missing.status == 404, f"a missing page answered {missing.status}")
    health = site.get("/healthz")
    check(health.status == 200 and health.body == b"ok\n", f"/healthz answered {health.status}")
    print("ok: 404 page, /healthz")


def check_two_servers(
    first: Client, second: Client, username: str, password: str, otp: str, agreement: int
) -> str:
    login(first, username, password, otp)
    check(logged_in(second), "the session opened on the first server is unknown to the second")
    print(f"ok: logged in on {first.base}, still logged in on {second.base}")

    change = f"/admin/partnerships/agreement/{agreement}/change/"
    page = first.get(change)
    check(page.status == 200, f"{change} answered {page.status}")
    before = set(re.findall(r"/backoffice/documents/(\d+)/", page.text))
    fields = form_fields(page.text, "agreement_form")
    total = next(int(v) for k, v in fields if k == "documents-TOTAL_FORMS")
    fields = [(k, str(total + 1) if k == "documents-TOTAL_FORMS" else v) for k, v in fields]
    title = f"Check {uuid.uuid4().hex[:8]}"
    filename = f"check-{uuid.uuid4().hex[:8]}.pdf"
    fields += [
        (f"documents-{total}-kind", "signed_copy"),
        (f"documents-{total}-title", title),
        (f"documents-{total}-agreement", str(agreement)),
        ("_continue", "Save and continue editing"),
    ]
    answer = first.post_multipart(change, fields, {f"documents-{total}-file": (filename, PDF)})
    errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', answer.text, re.S)
    check(answer.status == 302, f"upload on {first.base} refused ({answer.status}): {errors[:3]}")

    page = second.get(change)
    after = set(re.findall(r"/backoffice/documents/(\d+)/", page.text))
    new = after - before
    check(len(new) == 1, f"the second server lists {len(new)} new documents, expected 1")
    document = new.pop()
    download = second.get(f"/backoffice/documents/{document}/")
    check(download.status == 200, f"download from {second.base} answered {download.status}")
    check(download.body == PDF, "the document downloaded differs from the one uploaded")
    print(f"ok: document {document} uploaded on {first.base}, same bytes from {second.base}")
    return filename


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, help="the public address, through the proxy")
    parser.add_argument("--server", action="append", default=[], help="an application server")
    parser.add_argument("--username")
    parser.add_argument("--password")
    parser.add_argument(
        "--otp-token",
        action="append",
        default=[],
        help="two-factor code (e.g. from manage.py addstatictoken), one per login: give two",
    )
    parser.add_argument("--agreement", type=int, help="agreement to attach a test document to")
    parser.add_argument("--insecure", action="store_true", help="accept a self-signed cert")
    args = parser.parse_args()
    cookies: dict[str, str] = {}
    try:
        site = Client(args.site, cookies, direct=False, insecure=args.insecure)
        check_pages(site)
        if args.username:
            tokens = [*args.otp_token, "", ""]
            login(site, args.username, args.password, tokens[0])
            check(logged_in(site), "the admin does not show the logged-in user")
            print(f"ok: admin login through {args.site}")
        if len(args.server) >= 2 and args.agreement:
            servers = [Client(s, {}, direct=True, insecure=False) for s in args.server[:2]]
            servers[1].cookies = servers[0].cookies  # one browser, two servers
            filename = check_two_servers(
                *servers, args.username, args.password, tokens[1], args.agreement
            )
            print(f"uploaded: {filename}")
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
