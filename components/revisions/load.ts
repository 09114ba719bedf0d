// Shared by the article history and feedback pages: the id from the address, and lib/ 404s as the
// site's not-found page rather than an error.
import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HttpError } from "@/lib/http-error";

const articleIdParamSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/);

export function parseArticleId(raw: string): string {
  const parsed = articleIdParamSchema.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}
