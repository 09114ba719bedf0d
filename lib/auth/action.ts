// The one way to write a staff server action: authorize first (before even reading the input),
// then parse the input with its schema, then run. Failures come back as values the UI can show,
// with the HTTP status they would have had.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isDatabaseUnavailable } from "../db-errors";
import { parseOrThrow } from "../http";
import { HttpError } from "../http-error";
import { getStaffContext } from "./current";
import { type Actor, authorize, type Role } from "./roles";
import type { Database } from "../db-client";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string; fields?: Record<string, string> };

export function staffAction<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  run: (ctx: { db: Database; actor: Actor }, input: z.infer<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const { db, actor } = await getStaffContext();
      const allowed = authorize(actor, role);
      const parsed = parseOrThrow(schema, input instanceof FormData ? Object.fromEntries(input) : input);
      return { ok: true, data: await run({ db, actor: allowed }, parsed) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof HttpError) return { ok: false, status: error.status, error: error.message, ...(error.fields ? { fields: error.fields } : {}) };
      if (isDatabaseUnavailable(error)) {
        console.error("The database is not answering:", error);
        return { ok: false, status: 503, error: "The database is not answering, so nothing was saved. Your work is still here: try again in a minute." };
      }
      console.error("Unhandled error in a staff action:", error);
      return { ok: false, status: 500, error: "Something went wrong on our side. Your work is kept in the editor; try again." };
    }
  };
}
