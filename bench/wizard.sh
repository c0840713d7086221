#!/usr/bin/env bash
# Posting a wizard page (validate the page + check the whole application + autosave
# + anonymous statistics) vs a bare Django page, both served by gunicorn, in one run.
# Usage: bench/wizard.sh [connections=32] [seconds=15] [workers=4]
# DATABASE_URL selects the database (default: SQLite in var/).
set -euo pipefail
cd "$(dirname "$0")/.."
CONN=${1:-32}; SECS=${2:-15}; WORKERS=${3:-4}; PORT=${PORT:-8766}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DJANGO_SETTINGS_MODULE=bench.settings_bench SECRET_KEY=bench ALLOWED_HOSTS=127.0.0.1 DEBUG=false SECURE_COOKIES=false
export DATABASE_URL=${DATABASE_URL:-sqlite:///$PWD/var/bench.sqlite3}
mkdir -p var
.venv/bin/python manage.py migrate -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
TOKENS=var/bench-tokens.txt
# 200 drafts, so concurrent posts update different rows, as real applicants do.
.venv/bin/python manage.py shell -c "
import datetime as dt
from applications.models import Draft
from applications.tests.factory import clean_work
with open('$TOKENS', 'w') as out:
    for _ in range(200):
        d, _c = Draft.start('trc', dt.date(2026, 4, 27), 'pl')
        d.answers = clean_work(); d.save()
        out.write(str(d.token) + '\n')
"
.venv/bin/gunicorn konsultant.wsgi -w "$WORKERS" -b "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

JAR=$(mktemp)
FIRST=$(head -1 "$TOKENS")
CSRF=$(curl -sf -c "$JAR" "http://127.0.0.1:$PORT/pl/apply/$FIRST/personal/" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
COOKIE=$(awk '$6 == "csrftoken" {print $7}' "$JAR")
BODY=$(.venv/bin/python -c "
from urllib.parse import urlencode
from applications.tests.factory import clean_work
keys = ['surname','previous_surnames','family_name','given_names','previous_given_names','father_name','mother_name','mother_maiden_name','birth_date','sex','birth_place','birth_country','nationality','citizenship','marital_status','education','height_cm','eye_colour','special_marks','pesel','phone','email']
a = clean_work()
print(urlencode({**{k: a[k] for k in keys}, 'csrfmiddlewaretoken': '$CSRF', 'continue': '1'}))
")
lua() {  # lua FILE BODY PATH_PREFIX PATH_SUFFIX: POST BODY to PREFIX<token>SUFFIX, cycling over the drafts
  cat > "$1" <<LUA
local tokens = {}
for line in io.lines("$TOKENS") do tokens[#tokens + 1] = line end
local i = 0
wrk.method = "POST"
wrk.body = "$2"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken=$COOKIE"
wrk.headers["Referer"] = "http://127.0.0.1:$PORT/"
request = function()
  i = i + 1
  return wrk.format(nil, "$3" .. tokens[(i % #tokens) + 1] .. "$4")
end
LUA
}
LUA=$(mktemp -d)
lua "$LUA/wizard.lua" "$BODY" /pl/apply/ /personal/
lua "$LUA/autosave.lua" "${BODY/continue=1/autosave=1}" /pl/apply/ /personal/
lua "$LUA/bare.lua" "x=1" /bench/bare-post/ /
status=$(curl -s -o /dev/null -w '%{http_code}' -b "csrftoken=$COOKIE" -H "Referer: http://127.0.0.1:$PORT/" --data "$BODY" "http://127.0.0.1:$PORT/pl/apply/$FIRST/personal/")
[ "$status" = 302 ] || { echo "a sample POST answered $status, not 302" >&2; exit 1; }

echo "wrk -t2 -c$CONN -d${SECS}s, gunicorn -w $WORKERS (sync), $(nproc) cores, DB=${DATABASE_URL%%:*}"
printf '%-22s %10s %10s %10s\n' request req/s p50_ms p99_ms
run() {
  local name=$1; shift
  wrk -t2 -c"$CONN" -d3s "$@" >/dev/null
  local out; out=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$@")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  printf '%-22s %10s %10s %10s %s\n' "$name" "$rps" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)"
  eval "RPS_$name=$rps"
}
run bare "http://127.0.0.1:$PORT/bench/bare"
# A bare POST that writes the same row (one SELECT, one UPDATE, redirect): the
# like-for-like baseline for a write.
run bare_post -s "$LUA/bare.lua" "http://127.0.0.1:$PORT"
run wizard_post -s "$LUA/wizard.lua" "http://127.0.0.1:$PORT"
# The same request as the JavaScript autosave sends: store only, no checks.
run autosave_post -s "$LUA/autosave.lua" "http://127.0.0.1:$PORT"
awk -v a="$RPS_wizard_post" -v b="$RPS_bare" 'BEGIN {printf "wizard_post / bare = %.2f\n", a / b}'
awk -v a="$RPS_autosave_post" -v b="$RPS_bare" 'BEGIN {printf "autosave_post / bare = %.2f\n", a / b}'
awk -v a="$RPS_wizard_post" -v b="$RPS_bare_post" 'BEGIN {printf "wizard_post / bare_post = %.2f\n", a / b}'
