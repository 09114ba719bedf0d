#!/usr/bin/env bash
# Starts the site for the end-to-end suite: a fresh SQLite database built by the migrations and
# the content import, a production build, then `npm start`'s server. Run by playwright.config.ts.
set -euo pipefail
port="${1:?usage: e2e-server.sh PORT}"
db_file="${DATABASE_URL#file:}"
case "$DATABASE_URL" in file:*data/e2e.db|file:*data/e2e-[0-9]*.db) ;; *) echo "e2e-server: refusing to reset a non-test database ($DATABASE_URL)" >&2; exit 1 ;; esac
rm -f "$db_file" "$db_file-wal" "$db_file-shm" "$db_file-journal"
npx prisma migrate deploy
npx tsx scripts/content-import.ts
# next build writes its distDir's type folders into the tsconfig it uses: give it one of its own
# (git-ignored), so parallel runs on other ports never touch tsconfig.json.
tsconfig="tsconfig.${NEXT_DIST_DIR#.}.json"
printf '{ "extends": "./tsconfig.json", "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx"], "exclude": ["node_modules", "lib/generated"] }\n' > "$tsconfig"
NEXT_TSCONFIG_PATH="$tsconfig" npx next build
# The same server as `npm start`: Next with the page cache in front.
exec node --import tsx scripts/start.ts -p "$port" -H 127.0.0.1
