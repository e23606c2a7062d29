"""Profile one page through the whole middleware stack with pyinstrument (a dev dependency).

    DJANGO_SETTINGS_MODULE=clara.settings.prod SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 \
    DATABASE_URL=postgres://… .venv/bin/python scripts/profile_page.py /fr/ [--repeat 200] [--cold]

Requests the page once to warm the process, then `--repeat` times under the profiler, and
prints where the time goes. --cold turns the page cache off (PAGE_CACHE_SECONDS=0) to profile
the rendering itself.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clara.settings.dev")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cold", action="store_true", help="without the page cache")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip")
    parser.add_argument("--flat", action="store_true", help="time per function, not a tree")
    args = parser.parse_args()
    if args.cold:
        os.environ["PAGE_CACHE_SECONDS"] = "0"

    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1", headers={"X-Forwarded-Proto": "https"})
    headers = {"Accept-Encoding": "gzip"} if args.gzip else {}
    first = client.get(args.url, headers=headers)
    print(f"{args.url}: {first.status_code}, {len(first.content):,} bytes", file=sys.stderr)
    profiler = Profiler(interval=0.001)
    started = time.perf_counter()
    with profiler:
        for _ in range(args.repeat):
            client.get(args.url, headers=headers)
    per_request = (time.perf_counter() - started) / args.repeat * 1000
    print(f"{per_request:.2f} ms per request (profiled)", file=sys.stderr)
    print(profiler.output_text(unicode=True, color=False, flat=args.flat))


if __name__ == "__main__":
    main()
