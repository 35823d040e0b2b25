#!/usr/bin/env bash
# Checks the Debian package of the multi-user server on this machine (root needed): builds it from
# a linux-x64 release archive, installs it with dpkg -i, points its settings at a fresh database
# on the test PostgreSQL (DEBTSHIELD_TEST_PG) and a free port, starts the server exactly as the
# unit would (systemd when it runs; otherwise the unit's own ExecStart, environment and user, read
# from the installed unit), and checks that the login page answers on the configured port, that
# the server runs as the debtshield user and that the settings are 0640. It makes an administrator
# with debtshield-create-admin (the password on standard input) and logs in with it over HTTP, up
# to the accounts page only an administrator sees. Then dpkg -r removes the
# program and keeps the settings (a conffile), and dpkg -P removes those too.
#
#   tools/debian-check.sh ARCHIVE
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:?usage: tools/debian-check.sh ARCHIVE}
[ "$(id -u)" -eq 0 ] || { echo "debian-check: needs root (dpkg -i)" >&2; exit 1; }
[ -n "${DEBTSHIELD_TEST_PG:-}" ] || { echo "debian-check: DEBTSHIELD_TEST_PG is not set" >&2; exit 1; }

work=$(mktemp -d)
server=""
database=debtshield_deb_check
pg_field() { sed -n "s/.*\\b$1=\\([^;]*\\).*/\\1/p" <<<"$DEBTSHIELD_TEST_PG"; }
pg_host=$(pg_field Host); pg_port=$(pg_field Port); pg_user=$(pg_field Username)
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres "$@"; }
systemd=false; [ -d /run/systemd/system ] && systemd=true
cleanup() {
  if $systemd; then systemctl stop debtshield.service 2>/dev/null || true; fi
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  dpkg -P debtshield >/dev/null 2>&1 || true
  psql_admin -c "DROP DATABASE IF EXISTS $database WITH (FORCE);" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "debian-check: $*" >&2; [ ! -f "$work/server.log" ] || sed 's/^/  server: /' "$work/server.log" >&2; exit 1; }

# Idempotent: a package or database left by an interrupted run goes first.
dpkg -P debtshield >/dev/null 2>&1 || true
psql_admin -c "DROP DATABASE IF EXISTS $database WITH (FORCE);" -c "CREATE DATABASE $database;"

deb=$(tools/debian-package.sh "$archive" "$work")
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
[ -x /usr/lib/debtshield/debtshield-web ] || fail "no /usr/lib/debtshield/debtshield-web"
getent passwd debtshield >/dev/null || fail "postinst made no debtshield user"
[ "$(stat -c '%a %U %G' /etc/debtshield/server.env)" = "640 root debtshield" ] || fail "server.env is $(stat -c '%a %U %G' /etc/debtshield/server.env), not 640 root debtshield"

# The organisation's edit of the settings: the test database and a free port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i -e "s|^DEBTSHIELD_DB=.*|DEBTSHIELD_DB=\"Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$database\"|" \
  -e "s|^DEBTSHIELD_URLS=.*|DEBTSHIELD_URLS=\"http://127.0.0.1:$port\"|" /etc/debtshield/server.env

unit=/lib/systemd/system/debtshield.service
if $systemd; then
  systemctl daemon-reload
  systemctl start debtshield.service
else
  # What systemd would do: the unit's Environment= (%S is /var/lib), its EnvironmentFile, its
  # WorkingDirectory and StateDirectory, then its ExecStart as its User, with an environment
  # holding nothing else; the connection is never on a command line.
  user=$(sed -n 's/^User=//p' "$unit")
  state=/var/lib/$(sed -n 's/^StateDirectory=//p' "$unit")
  install -d -o "$user" -g "$user" -m 0750 "$state"
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  (
    cd "$(sed -n 's/^WorkingDirectory=//p' "$unit")"
    for variable in $(env | cut -d= -f1); do unset "$variable" 2>/dev/null || true; done
    export HOME=$state PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
    while IFS= read -r line; do export "${line//%S/\/var\/lib}"; done < <(sed -n 's/^Environment=//p' "$unit")
    set -a
    # shellcheck source=/dev/null
    . "$(sed -n 's/^EnvironmentFile=//p' "$unit")"
    set +a
    eval "set -- $exec_start"
    exec setpriv --reuid="$user" --regid="$user" --init-groups --inh-caps=-all --no-new-privs "$@"
  ) >"$work/server.log" 2>&1 &
  server=$!
fi

for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/account/login" -o "$work/login.html" 2>/dev/null && break
  if $systemd; then systemctl is-active -q debtshield.service || fail "the service stopped"; else kill -0 "$server" 2>/dev/null || fail "the server stopped"; fi
  sleep 0.5
done
[ -s "$work/login.html" ] || fail "nothing answers on the configured port $port"
grep -q '登录' "$work/login.html" || fail "the page on port $port is not the login page"
if $systemd; then pid=$(systemctl show -p MainPID --value debtshield.service); else pid=$server; fi
owner=$(ps -o user= -p "$pid")
[ "$owner" = debtshield ] || fail "the server runs as $owner, not debtshield"

# The organisation's first administrator, made with the packaged command as its README says; the
# password goes in on standard input, never on a command line (where ps would show it). Then that
# administrator logs in through the form (its anti-forgery token and cookie, as a browser would)
# and reaches the accounts page, which answers nobody else: without the login it sends to the form.
admin=admin@debian-check.invalid
password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
printf '%s\n' "$password" | debtshield-create-admin "$admin" >"$work/create-admin.log" 2>&1 \
  || { cat "$work/create-admin.log" >&2; fail "debtshield-create-admin $admin failed"; }
site=http://127.0.0.1:$port
jar=$work/cookies
anonymous=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "$site/admin")
[[ "$anonymous" == 302\ */account/login* ]] || fail "the accounts page answered '$anonymous' without a login, not a redirect to the login form"
curl -fsS -c "$jar" -b "$jar" "$site/account/login" -o "$work/login.html" || fail "the login form does not answer"
token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$work/login.html" | head -n 1)
[ -n "$token" ] || fail "the login form has no anti-forgery token"
wrong=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Email=$admin" \
  --data-urlencode "Password=not-$password" --data-urlencode "__RequestVerificationToken=$token" "$site/account/login")
[ "$wrong" = 400 ] || fail "a wrong password was answered $wrong, not 400"
signed_in=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "Email=$admin" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$site/account/login")
[ "$signed_in" = "302 $site/" ] || fail "the login of $admin was answered '$signed_in', not a redirect to the first page"
curl -fsS -b "$jar" "$site/admin" -o "$work/admin.html" || fail "the accounts page refused the logged-in administrator"
grep -q '账户与案件分配' "$work/admin.html" && grep -q "$admin" "$work/admin.html" \
  || fail "the accounts page after the login is not the administrator's (no heading or no $admin)"

if $systemd; then systemctl stop debtshield.service; else kill "$server"; wait "$server" 2>/dev/null || true; server=""; fi
dpkg -r debtshield >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
[ ! -e /usr/lib/debtshield ] || fail "dpkg -r left /usr/lib/debtshield"
[ ! -e "$unit" ] || fail "dpkg -r left the unit"
[ -f /etc/debtshield/server.env ] || fail "dpkg -r removed the settings (a conffile stays until purge)"
dpkg -P debtshield >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -P failed"; }
[ ! -e /etc/debtshield ] && [ ! -e /var/lib/debtshield ] || fail "dpkg -P left /etc/debtshield or /var/lib/debtshield"
echo "debian-check: $(basename "$deb") installs, its server answers on port $port as debtshield, debtshield-create-admin makes an administrator who logs in, and it removes cleanly"
