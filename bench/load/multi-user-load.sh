#!/usr/bin/env bash
# Load of the multi-user app on real PostgreSQL (issue 19): 3 accounts, mixed traffic for SECONDS
# (default 60) from WORKERS connections per account (default 4), then a check that every request
# has its audit line with the right case (bench/load/multi_user_load.py). The app is the Release
# build, on 127.0.0.1 only, over a fresh database dropped at the end.
#
#   DEBTSHIELD_TEST_PG='Host=…;Port=…;Username=…;Database=postgres' bench/load/multi-user-load.sh [SECONDS] [WORKERS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
workers=${2:-4}
port=5098
: "${DEBTSHIELD_TEST_PG:?set DEBTSHIELD_TEST_PG to a PostgreSQL server (Host=…;Port=…;Username=…;Database=…)}"
field() { tr ';' '\n' <<<"$DEBTSHIELD_TEST_PG" | sed -n "s/^$1=//Ip" | head -1; }
host=$(field Host); pgport=$(field Port); user=$(field Username)
db="debtshield_load_$$"
admin_url="postgresql://$user@$host:${pgport:-5432}/postgres"
psql "$admin_url" -qc "CREATE DATABASE $db" >/dev/null
conn="Host=$host;Port=${pgport:-5432};Username=$user;Database=$db"
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT

dotnet build src/DebtShield.Web -c Release -v q -nologo >/dev/null
web=src/DebtShield.Web/bin/Release/net10.0/DebtShield.Web.dll
password="load-test-password-$$"
echo "$password" | dotnet "$web" --db "$conn" --multi-user --create-admin root@example.org >/dev/null
dotnet "$web" --db "$conn" --multi-user --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/account/login"; do sleep 0.2; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/load/multi_user_load.py "http://127.0.0.1:$port" root@example.org "$password" "postgresql://$user@$host:${pgport:-5432}/$db" "$seconds" "$workers"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
