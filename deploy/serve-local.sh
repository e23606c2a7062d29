#!/usr/bin/env bash
# `make serve`: the production settings on this machine against PostgreSQL, with the steps of
# docs/deployment.md (check --deploy, migrate, collectstatic, then gunicorn and the worker).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=clara.settings.prod
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/clara_prod}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}" # plain HTTP on 127.0.0.1, no TLS proxy
export PRIVATE_MEDIA_ROOT="${PRIVATE_MEDIA_ROOT:-$PWD/var/serve/private_media}"
if [ -z "${SECRET_KEY:-}" ]; then
	# A random key kept in var/ so that sessions survive a restart.
	mkdir -p var
	[ -s var/secret_key ] || $PY -c 'import secrets; print(secrets.token_urlsafe(50))' >var/secret_key
	SECRET_KEY=$(cat var/secret_key)
	export SECRET_KEY
fi
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

# The database is created if PostgreSQL lets us (trust auth here); elsewhere create it first.
createdb --maintenance-db="${DATABASE_URL%/*}/postgres" "${DATABASE_URL##*/}" 2>/dev/null || true
$PY manage.py check --deploy
$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput --verbosity 0

$PY manage.py db_worker --no-startup-delay &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT
# Browsers keep secure cookies on http://localhost (a trustworthy origin): log in there.
echo "Serving http://localhost:$PORT/ with the production settings (worker pid $worker); Ctrl+C stops."
echo "First admin: DATABASE_URL=$DATABASE_URL $PY manage.py createsuperuser, then"
echo "  DATABASE_URL=$DATABASE_URL $PY manage.py addstatictoken <username> (first login's code)."
.venv/bin/gunicorn -c deploy/gunicorn.conf.py --bind "$HOST:$PORT"
