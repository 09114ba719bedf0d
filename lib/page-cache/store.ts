// The page cache's memory: whole pages, each stored once as sent and once gzipped, least recently
// used first out when the entry or byte budget is reached. A purge empties it and starts a new
// generation, so a page fetched from Next before the purge is never stored after it.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

export interface CachedPage {
  status: number;
  headers: [string, string | string[]][];
  vary: string[];
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  storedAt: number;
  expiresAt: number;
}

export interface PageStoreOptions {
  maxEntries: number;
  maxBytes: number;
  now?: () => number;
}

export class PageStore {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private currentGeneration = 0;
  readonly now: () => number;

  constructor(private readonly options: PageStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get generation() {
    return this.currentGeneration;
  }

  /** Bytes held: every page as sent and gzipped. Never more than maxBytes. */
  get byteSize() {
    return this.bytes;
  }

  get size() {
    return this.entries.size;
  }

  /** A fresh entry, marked most recently used; an expired one is dropped. */
  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entrySize(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a page fetched while `generation` was current. Returns the entry, or null when a purge
   * happened since (the page may predate the change that caused it) or the page is over budget.
   */
  set(
    key: string,
    page: { status: number; headers: [string, string | string[]][]; vary: string[]; body: Buffer; seconds: number },
    generation: number,
  ): CachedPage | null {
    if (generation !== this.currentGeneration) return null;
    const gzipped = gzipSync(page.body);
    const entry: CachedPage = {
      status: page.status,
      headers: page.headers,
      vary: page.vary,
      body: page.body,
      gzipped,
      etag: `W/"${createHash("sha256").update(page.body).digest("base64url").slice(0, 27)}"`,
      storedAt: this.now(),
      expiresAt: this.now() + page.seconds * 1000,
    };
    if (entrySize(entry) > this.options.maxBytes / 8) return null; // one page must not flush the rest
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entrySize(entry);
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entrySize(old);
    }
    return entry;
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entrySize(entry);
  }

  /** Drops every page and starts a new generation. */
  purge() {
    this.entries.clear();
    this.bytes = 0;
    this.currentGeneration += 1;
  }
}

function entrySize(entry: CachedPage) {
  return entry.body.byteLength + entry.gzipped.byteLength;
}
