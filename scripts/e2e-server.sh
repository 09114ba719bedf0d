#!/usr/bin/env bash
# Starts the site for the end-to-end suite: a fresh database built by the migrations and the content
# import, a production build, then `npm start`'s server. Run by playwright.config.ts, and by
# tests/e2e/extra-server.ts for servers of their own.
#
#   DATABASE_URL     a SQLite file data/e2e[-<port>][-<name>].db (deleted first), or a PostgreSQL
#                    database whose name starts with helpdesk_e2e_ (created empty by the caller)
#   NEXT_DIST_DIR    the build folder
#   E2E_SKIP_SETUP   1: start on the database and build folder already there (a restart after a crash)
#   E2E_BUILD_FROM   reuse this build instead of building: it is copied without its build cache and
#                    without the pages its own server has rendered since (server/route-cache). Pages
#                    render on first request, from this server's database and environment, so one
#                    build serves every server of the run.
set -euo pipefail
port="${1:?usage: e2e-server.sh PORT}"
if [ "${E2E_SKIP_SETUP:-}" = 1 ]; then
  [ -f "$NEXT_DIST_DIR/BUILD_ID" ] || { echo "e2e-server: E2E_SKIP_SETUP=1 but no build in $NEXT_DIST_DIR" >&2; exit 1; }
  exec node --import tsx scripts/start.ts -p "$port" -H 127.0.0.1
fi
case "$DATABASE_URL" in
  file:*data/e2e.db | file:*data/e2e-[0-9]*.db)
    db_file="${DATABASE_URL#file:}"
    rm -f "$db_file" "$db_file-wal" "$db_file-shm" "$db_file-journal"
    ;;
  postgresql://*/helpdesk_e2e_*) ;;
  *) echo "e2e-server: refusing to reset a non-test database ($DATABASE_URL)" >&2; exit 1 ;;
esac
npx prisma migrate deploy
npx tsx scripts/content-import.ts
if [ -n "${E2E_BUILD_FROM:-}" ]; then
  [ -f "$E2E_BUILD_FROM/BUILD_ID" ] || { echo "e2e-server: no build in $E2E_BUILD_FROM" >&2; exit 1; }
  rm -rf "$NEXT_DIST_DIR"
  mkdir -p "$NEXT_DIST_DIR"
  tar -C "$E2E_BUILD_FROM" --exclude=./cache --exclude=./server/route-cache -cf - . | tar -C "$NEXT_DIST_DIR" -xf -
else
  # next build writes its distDir's type folders into the tsconfig it uses: give it one of its own
  # (git-ignored), so parallel runs on other ports never touch tsconfig.json.
  tsconfig="tsconfig.${NEXT_DIST_DIR#.}.json"
  printf '{ "extends": "./tsconfig.json", "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx"], "exclude": ["node_modules", "lib/generated"] }\n' > "$tsconfig"
  NEXT_TSCONFIG_PATH="$tsconfig" npx next build
fi
# The same server as `npm start`: Next with the page cache in front.
exec node --import tsx scripts/start.ts -p "$port" -H 127.0.0.1
