// Values from $queryRaw rows, which each database returns in its own types.

/** A DateTime column: SQLite keeps it as ISO text, PostgreSQL as a timestamp (a Date here). */
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** A count or sum: a number on SQLite, a bigint (COUNT) or numeric text (SUM) on PostgreSQL. */
export const asNumber = (value: number | bigint | string | null | undefined): number => Number(value ?? 0);
