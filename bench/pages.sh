#!/usr/bin/env bash
# Guide and triage-result pages vs a bare Django page, all served by gunicorn
# (production settings, WSGI) and loaded with wrk from loopback, in one run.
# Usage: bench/pages.sh [connections=32] [seconds=15] [workers=4]
# SERVER=daphne serves the same pages through ASGI with one Daphne process
# instead (compare with workers=1), to show why pages are served over WSGI.
set -euo pipefail
cd "$(dirname "$0")/.."
CONN=${1:-32}; SECS=${2:-15}; WORKERS=${3:-4}; PORT=${PORT:-8765}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export DJANGO_SETTINGS_MODULE=bench.settings_bench SECRET_KEY=bench ALLOWED_HOSTS=127.0.0.1 DEBUG=false
export DATABASE_URL=${DATABASE_URL:-sqlite:///$PWD/var/bench.sqlite3}
mkdir -p var
.venv/bin/python manage.py migrate -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
if [ "${SERVER:-gunicorn}" = daphne ]; then
  WORKERS=1
  .venv/bin/daphne -b 127.0.0.1 -p "$PORT" -v 0 konsultant.asgi:application &
  SERVER_DESC="daphne (ASGI), 1 process"
else
  .venv/bin/gunicorn konsultant.wsgi -w "$WORKERS" -b "127.0.0.1:$PORT" --log-level warning &
  SERVER_DESC="gunicorn -w $WORKERS (sync WSGI)"
fi
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

TRIAGE="/en/which-procedure/result/?citizenship=UA&basis=visa_national&stay_end=2027-06-30&purpose=work&detail=employee"
declare -A PAGES=(
  [bare]="/bench/bare"
  [guide_pl]="/pl/procedures/trc-work/"
  [guide_uk]="/uk/procedures/permanent-residence/"
  [triage_result]="$TRIAGE"
)
echo "wrk -t2 -c$CONN -d${SECS}s, $SERVER_DESC, $(nproc) cores, DB=${DATABASE_URL%%:*}"
printf '%-14s %10s %10s %10s\n' page req/s p50_ms p99_ms
declare -A RPS
for name in bare guide_pl guide_uk triage_result; do
  url="http://127.0.0.1:$PORT${PAGES[$name]}"
  curl -sf -o /dev/null "$url" || { echo "$name: $url did not answer 200" >&2; exit 1; }
  wrk -t2 -c"$CONN" -d3s "$url" >/dev/null  # warm-up
  out=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  RPS[$name]=$rps
  printf '%-14s %10s %10s %10s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
done
for name in guide_pl guide_uk triage_result; do
  awk -v a="${RPS[$name]}" -v b="${RPS[bare]}" -v n="$name" 'BEGIN {printf "%s / bare = %.2f\n", n, a / b}'
done
