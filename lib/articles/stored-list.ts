// Tags and related slugs are stored as JSON arrays of strings (TEXT columns, for SQLite and
// PostgreSQL alike). The one reader for them: anything that is not such a list reads as empty.
export function parseStoredList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
