#!/usr/bin/env bash
# Makes (on first run) and starts a Frappe v15 bench with pdn_frappe and its demo site.
#
# In Docker, `docker compose up` in this folder runs it in the frappe/bench container (see
# docker-compose.yml). It also runs on any machine with the Frappe prerequisites (Python 3.10+,
# Node 18+, yarn, git) against MariaDB and Redis that are already running: give their hosts and
# passwords in the variables below, e.g.
#
#   DB_HOST=127.0.0.1 DB_ROOT_PASSWORD=secret REDIS_CACHE=redis://127.0.0.1:6379 \
#   REDIS_QUEUE=redis://127.0.0.1:6379 SMTP_HOST= BENCH_DIR=~/pdn-bench bash docker/init.sh
#
# First run: bench init (version-15), get this app, new site, install the app, load the demo
# (its outgoing e-mail account pointing at SMTP_HOST:SMTP_PORT), developer mode off, scheduler on,
# then start. Later runs find the site ready and only start the bench. Each step that is already
# done is skipped, so an interrupted first run can simply be run again.
#
# Variables (defaults match docker-compose.yml):
#   BENCH_DIR         where the bench lives                       ($HOME/frappe-bench)
#   FRAPPE_BRANCH     Frappe branch                               (version-15)
#   FRAPPE_PATH       a Frappe git repository to clone instead of GitHub's (bench init --frappe-path)
#   PYTHON            Python interpreter of the bench             (python3)
#   APP_PATH          this app's checkout, linked into the bench  (the repository holding this script)
#   SITE_NAME         the demo site                               (pdn.localhost)
#   ADMIN_PASSWORD    its Administrator password                  (admin)
#   DB_HOST, DB_PORT  MariaDB                                     (mariadb, 3306)
#   DB_ROOT_USER      MariaDB user allowed to create databases    (root)
#   DB_ROOT_PASSWORD  its password; may be empty                  (123)
#   DB_USER_HOST      host part of the site's database user       (% : from any host)
#   REDIS_CACHE, REDIS_QUEUE, REDIS_SOCKETIO                      (redis://redis:6379)
#   SMTP_HOST, SMTP_PORT  mail catcher the demo's e-mails go to; empty SMTP_HOST: no account
#                                                                 (mailpit, 1025)
#   WEB_PORT          port of the web server                      (8000)
#   HOST_NAME         base URL of the links in e-mails            (http://SITE_NAME:WEB_PORT)
#   START             0: set up only, do not start the bench      (1)
#   START_CMD         start: `bench start` (Procfile); serve: web server, worker and scheduler
#                     without the Procfile's other processes      (start)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

BENCH_DIR="${BENCH_DIR:-$HOME/frappe-bench}"
FRAPPE_BRANCH="${FRAPPE_BRANCH:-version-15}"
FRAPPE_PATH="${FRAPPE_PATH:-}"
PYTHON="${PYTHON:-python3}"
APP_PATH="${APP_PATH:-$(dirname "$SCRIPT_DIR")}"
SITE_NAME="${SITE_NAME:-pdn.localhost}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"
DB_HOST="${DB_HOST:-mariadb}"
DB_PORT="${DB_PORT:-3306}"
DB_ROOT_USER="${DB_ROOT_USER:-root}"
DB_ROOT_PASSWORD="${DB_ROOT_PASSWORD-123}" # set but empty: no password
DB_USER_HOST="${DB_USER_HOST:-%}"
REDIS_CACHE="${REDIS_CACHE:-redis://redis:6379}"
REDIS_QUEUE="${REDIS_QUEUE:-redis://redis:6379}"
REDIS_SOCKETIO="${REDIS_SOCKETIO:-$REDIS_QUEUE}"
SMTP_HOST="${SMTP_HOST-mailpit}" # set but empty: no outgoing account
SMTP_PORT="${SMTP_PORT:-1025}"
WEB_PORT="${WEB_PORT:-8000}"
HOST_NAME="${HOST_NAME:-http://$SITE_NAME:$WEB_PORT}"
START="${START:-1}"
START_CMD="${START_CMD:-start}"

APP_NAME=pdn_frappe
READY="$BENCH_DIR/sites/$SITE_NAME/pdn_frappe_demo_ready"

step() { printf '\n==> %s\n' "$*"; }
fail() {
	printf '\nERROR: %s\n' "$*" >&2
	exit 1
}

# The checkout may belong to another user (a Docker bind mount): let git read it, for this run only.
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0="*"

start_bench() {
	cd "$BENCH_DIR"
	if [ "$START" = "0" ]; then
		step "START=0: not starting. Start it with: cd $BENCH_DIR && bench start"
		return 0
	fi
	step "Starting the bench: $HOST_NAME (Administrator / $ADMIN_PASSWORD; demo logins in the README)"
	if [ -n "$SMTP_HOST" ]; then
		echo "    e-mails go to $SMTP_HOST:$SMTP_PORT (with Docker: the Mailpit inbox on http://localhost:8025)"
	fi
	case "$START_CMD" in
	start) exec bench start ;;
	serve)
		bench worker &
		bench schedule &
		exec bench serve --port "$WEB_PORT"
		;;
	*) fail "START_CMD must be 'start' or 'serve', not '$START_CMD'" ;;
	esac
}

[ -f "$APP_PATH/$APP_NAME/hooks.py" ] || fail "APP_PATH=$APP_PATH is not a checkout of $APP_NAME"

if [ -f "$READY" ]; then
	step "Bench $BENCH_DIR and site $SITE_NAME are ready: only starting"
	start_bench
	exit 0
fi

# ---------------------------------------------------------------- 1. the bench
if [ -d "$BENCH_DIR/apps/frappe" ]; then
	step "1/7 Bench $BENCH_DIR already exists: not initialising it again"
else
	[ ! -e "$BENCH_DIR" ] || fail "$BENCH_DIR exists but holds no bench (an interrupted bench init?): remove it and run again"
	frappe_source=(--frappe-branch "$FRAPPE_BRANCH")
	if [ -n "$FRAPPE_PATH" ]; then
		frappe_source+=(--frappe-path "$FRAPPE_PATH")
	fi
	step "1/7 bench init $BENCH_DIR (Frappe $FRAPPE_BRANCH${FRAPPE_PATH:+ from $FRAPPE_PATH}, $PYTHON): several minutes"
	bench init "$BENCH_DIR" "${frappe_source[@]}" --python "$PYTHON" \
		--skip-redis-config-generation --no-backups
fi
cd "$BENCH_DIR"
# Frappe v15 pins google-api-python-client 2.2, which imports pkg_resources: setuptools 81 dropped it.
if ! ./env/bin/python -c "import pkg_resources" >/dev/null 2>&1; then
	echo "    the bench's Python lacks pkg_resources (setuptools 81+), which Frappe v15 needs: installing setuptools<81"
	bench pip install "setuptools<81"
fi

# ---------------------------------------------------------------- 2. services
step "2/7 Services: MariaDB $DB_HOST:$DB_PORT, Redis cache $REDIS_CACHE, queue $REDIS_QUEUE"
bench set-mariadb-host "$DB_HOST"
bench set-config -g -p db_port "$DB_PORT"
bench set-redis-cache-host "$REDIS_CACHE"
bench set-redis-queue-host "$REDIS_QUEUE"
bench set-redis-socketio-host "$REDIS_SOCKETIO"
bench set-config -g -p webserver_port "$WEB_PORT"
# Redis runs as a service of its own; no file watcher without developer mode.
sed -i '/^redis/d;/^watch/d' Procfile

# ---------------------------------------------------------------- 3. the app
if [ -e "apps/$APP_NAME" ]; then
	step "3/7 App $APP_NAME already in the bench: $(readlink -f "apps/$APP_NAME")"
else
	source_dir="$APP_PATH"
	if [ "$(basename "$APP_PATH")" != "$APP_NAME" ]; then
		# bench names the app after the folder: give the checkout the app's name
		mkdir -p .app-sources
		ln -sfn "$APP_PATH" ".app-sources/$APP_NAME"
		source_dir="$BENCH_DIR/.app-sources/$APP_NAME"
	fi
	step "3/7 bench get-app $APP_NAME, linked to the checkout $APP_PATH"
	bench get-app --soft-link "$source_dir"
fi

# ---------------------------------------------------------------- 4. the site
site_installed() { bench --site "$SITE_NAME" list-apps 2>/dev/null | grep -q '^frappe'; }
if [ -f "sites/$SITE_NAME/site_config.json" ] && site_installed; then
	step "4/7 Site $SITE_NAME already exists"
else
	again=()
	if [ -d "sites/$SITE_NAME" ]; then
		again=(--force) # an earlier run stopped while creating it: start it over
	fi
	step "4/7 bench new-site $SITE_NAME${again:+ (again: an earlier run left it unfinished)}, database user '...'@'$DB_USER_HOST'"
	root=(--db-root-username "$DB_ROOT_USER")
	if [ -n "$DB_ROOT_PASSWORD" ]; then
		root+=(--db-root-password "$DB_ROOT_PASSWORD")
	fi
	# An empty root password is read from stdin (Frappe asks for it when none is given).
	printf '\n' | bench new-site "$SITE_NAME" "${root[@]}" --admin-password "$ADMIN_PASSWORD" \
		--mariadb-user-host-login-scope "$DB_USER_HOST" "${again[@]}"
fi

step "5/7 bench --site $SITE_NAME install-app $APP_NAME"
bench --site "$SITE_NAME" install-app "$APP_NAME"

# ---------------------------------------------------------------- 5. the demo
smtp=()
if [ -n "$SMTP_HOST" ]; then
	smtp=(--smtp-host "$SMTP_HOST" --smtp-port "$SMTP_PORT")
fi
step "6/7 Demo: bench --site $SITE_NAME pdn-load-demo ${smtp[*]}"
bench --site "$SITE_NAME" pdn-load-demo "${smtp[@]}"

step "7/7 Site settings: developer mode off, tests allowed, scheduler on (it sends the e-mails), links to $HOST_NAME"
bench --site "$SITE_NAME" set-config -p developer_mode 0
bench --site "$SITE_NAME" set-config -p allow_tests True
bench --site "$SITE_NAME" set-config host_name "$HOST_NAME"
bench --site "$SITE_NAME" enable-scheduler
bench use "$SITE_NAME"
bench --site "$SITE_NAME" clear-cache
date -u +%FT%TZ >"$READY"

step "Ready: $SITE_NAME in $BENCH_DIR"
start_bench
