// Staff lists are paged in the database: `?page=` is read one way everywhere, and the page shown is
// never past the last one.

/** `?page=2`; anything unreadable, below 1 or above `max` is the first page. */
export function parsePageParam(value: unknown, max = 10_000): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}

/** How many pages `total` rows make, at least one (an empty list is one empty page). */
export function pageCountOf(total: number, pageSize: number, max = 10_000): number {
  return Math.min(max, Math.max(1, Math.ceil(total / pageSize)));
}
