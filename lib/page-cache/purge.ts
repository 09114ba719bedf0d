// The bridge between a publish (inside Next's server bundle) and the page cache in front of Next
// (scripts/start.ts loads it outside the bundle, in the same process). The two are separate module
// instances, so they meet on a global symbol. Without the cache in front (`next start`, `next dev`)
// purging does nothing.
const PAGE_CACHE_GLOBAL = Symbol.for("helpdesk.page-cache");

export interface PageCacheControl {
  purge(): void;
}

type WithPageCache = typeof globalThis & { [PAGE_CACHE_GLOBAL]?: PageCacheControl };

export function registerPageCache(control: PageCacheControl | undefined) {
  (globalThis as WithPageCache)[PAGE_CACHE_GLOBAL] = control;
}

/** Drops every cached page, now and again when the current request has been answered. */
export function purgePageCache() {
  (globalThis as WithPageCache)[PAGE_CACHE_GLOBAL]?.purge();
}
