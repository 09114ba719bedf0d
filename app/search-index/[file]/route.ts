import { NextResponse } from "next/server";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { getSearchIndex, searchIndexUrl } from "@/lib/search/server";

// GET /search-index/<hash>.json — the instant-search index (/search-index/<hash>.de.json: the German
// one, and so on for each language). Its name changes with its content, so browsers may keep it for
// a year; an old name redirects to the current file of its language.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^([0-9a-f]{16})(?:\.([a-z]{2}(?:-[a-z0-9]{2,8})?))?\.json$/.exec(file);
  const locale = match?.[2] ?? DEFAULT_LOCALE;
  // The default language's file has no language in its name: "<hash>.en.json" is no file either.
  if (!match || !isLocale(locale) || match[2] === DEFAULT_LOCALE) return NextResponse.json({ error: "No such search index." }, { status: 404 });
  const index = await getSearchIndex("customers", locale);
  if (match[1] !== index.hash) {
    // A relative Location: behind `next start` request.url names "localhost", and a worker on
    // 127.0.0.1 (or behind a proxy, on the public name) must not be sent to another origin.
    return new Response(null, { status: 307, headers: { Location: searchIndexUrl(index.hash, locale), "Cache-Control": "no-store" } });
  }
  // next start compresses it on the way out (a CDN in front would cache that).
  return new Response(index.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
