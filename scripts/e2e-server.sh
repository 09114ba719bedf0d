#!/usr/bin/env bash
# Starts the site for the end-to-end suite: a fresh SQLite database built by the migrations and
# the content import, a production build, then `next start`. Run by playwright.config.ts.
set -euo pipefail
port="${1:?usage: e2e-server.sh PORT}"
db_file="${DATABASE_URL#file:}"
case "$DATABASE_URL" in file:*data/e2e.db|file:*data/e2e-[0-9]*.db) ;; *) echo "e2e-server: refusing to reset a non-test database ($DATABASE_URL)" >&2; exit 1 ;; esac
rm -f "$db_file" "$db_file-wal" "$db_file-shm" "$db_file-journal"
npx prisma migrate deploy
npx tsx scripts/content-import.ts
# next build adds its distDir's type folders to tsconfig.json; keep the committed file as it was.
cp tsconfig.json "$db_file.tsconfig"
npx next build
mv "$db_file.tsconfig" tsconfig.json
exec npx next start -p "$port" -H 127.0.0.1
