#!/usr/bin/env bash
# Proves the production layout from a built checkout: a clean copy of the tracked files plus the build output,
# `npm ci --omit=dev` (no Vite, TypeScript or jest), then `node dist/server/main.js` must answer /api/health
# with 200 and serve the pages, and the compiled CLI must read a real PDF (pdfjs-dist is an ES module that
# only a real dynamic import loads). Run after `npm run build` (it builds when dist/ is missing).
# Usage: bash deploy/check-production-install.sh        (used by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

[ -f dist/server/main.js ] && [ -f webchat/dist/xiaoning-widget.js ] && [ -f admin/dist/index.html ] || npm run build

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A clean copy: what git tracks (no node_modules, no data beyond data/demo) and the build output.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$work"
cp -r dist "$work/dist"
mkdir -p "$work/webchat" "$work/admin"
cp -r webchat/dist "$work/webchat/dist"
cp -r admin/dist "$work/admin/dist"

# A real Chinese PDF for the compiled CLI, written with the tests' PDF maker while the dev tools are still here.
node --import tsx -e "
  const { makePdf } = require('./tests/support/make-pdf.ts');
  require('node:fs').writeFileSync(process.argv[1], makePdf([['第一条 生产构建检查。', '失业保险金按月发放，领取期限最长为二十四个月。']]));
" "$work/check.pdf"

cd "$work"
started=$(date +%s)
npm ci --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error
echo "npm ci --omit=dev: $(( $(date +%s) - started )) s"
[ ! -e node_modules/vite ] && [ ! -e node_modules/typescript ] || { echo 'development packages were installed' >&2; exit 1; }

export DATA_DIR="$work/data-check" SEED_DEMO_DATA=false VECTOR_STORE=off LOG_LEVEL=info HOST=127.0.0.1 PORT=0

# The compiled CLI ingests the PDF and finds it again.
node dist/server/cli.js ingest check.pdf > ingest.jsonl
grep -q '"added":1' ingest.jsonl || { echo "PDF ingestion failed:"; cat ingest.jsonl; exit 1; } >&2
echo '{"id":"q1","question":"失业保险金领取期限"}' > question.jsonl
node dist/server/cli.js search --input question.jsonl | tee search.jsonl
grep -q 'check.pdf' search.jsonl || { echo 'the ingested PDF was not found by search' >&2; exit 1; }

# The server from dist/, without prestart or any build tool.
node dist/server/main.js > server.log 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 600); do
  url=$(grep -o '"url":"http://[^"]*"' server.log | head -1 | cut -d'"' -f4 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat server.log >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo 'the server did not start within 120 s' >&2; cat server.log >&2; exit 1; }

status() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/html' "$url$1"; }
check() {
  local got
  got=$(status "$1")
  echo "GET $1 → $got"
  [ "$got" = "$2" ] || { echo "expected $2" >&2; exit 1; }
}
check /api/health 200
check / 200
check /appeals 200
check /webchat/xiaoning-widget.js 200
check /admin/login 200
check /api/openapi.json 200
echo "production install check passed ($root)"
