// The search index on the server: built once per content change, kept in memory, served to
// browsers as an immutable file named by its hash, and used for /search and /api/search.
import "server-only";
import { createHash } from "node:crypto";
import { getContentVersion, getSearchSource } from "../articles";
import { toSearchDocument } from "./documents";
import { SearchEngine } from "./engine";
import { buildSearchIndex } from "./index-data";

export interface BuiltSearchIndex {
  version: string;
  hash: string;
  json: string;
  engine: SearchEngine;
}

let current: Promise<BuiltSearchIndex> | null = null;
let currentVersion = "";

export async function getSearchIndex(): Promise<BuiltSearchIndex> {
  const version = await getContentVersion();
  if (!current || version !== currentVersion) {
    currentVersion = version;
    current = build(version).catch((error) => {
      current = null;
      throw error;
    });
  }
  return current;
}

async function build(version: string): Promise<BuiltSearchIndex> {
  const source = await getSearchSource();
  const data = buildSearchIndex(source.map(toSearchDocument));
  const json = JSON.stringify(data);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
  return { version, hash, json, engine: new SearchEngine(data) };
}

export function searchIndexUrl(hash: string): string {
  return `/search-index/${hash}.json`;
}
