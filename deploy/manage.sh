#!/bin/sh
# manage.py with the deployment's environment: deploy/manage.sh migrate, deploy/manage.sh backup...
# The environment file is /etc/clara/clara.env unless CLARA_ENV names another.
set -eu
set -a
. "${CLARA_ENV:-/etc/clara/clara.env}"
set +a
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
