// The one place that turns request bodies into typed input and failures into HTTP answers:
// 413 too large, 415 wrong content type, 400 unreadable JSON, 422 invalid fields, 403 foreign
// origin, 404 not found, 503 database not answering. Every message says what to change.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db-errors";
import { HttpError } from "./http-error";

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_MAX_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  assertSameOrigin(request);
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new HttpError(415, 'Send the body as JSON with "Content-Type: application/json".');
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `The body is too large: at most ${maxBytes} bytes.`);
  const text = await readLimited(request, maxBytes);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, "The body is not valid JSON.");
  }
  return parseOrThrow(schema, data);
}

/** Parses input with a schema; invalid input becomes a 422 naming each field and what is wrong with it. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join(".") || "body";
      fields[key] ??= issue.message;
    }
    throw new HttpError(
      422,
      `Some fields are invalid: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join("; ")}.`,
      fields,
    );
  }
  return result.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpError(413, `The body is too large: at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Browsers send Origin on cross-site POSTs; a write from another site is refused. */
export function assertSameOrigin(request: Request) {
  assertSameOriginHeaders(request.headers);
}

/** The same check on a request's headers alone: server actions have no Request, only headers(). */
export function assertSameOriginHeaders(headers: Headers) {
  const origin = headers.get("origin");
  if (!origin) return;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "The request came from an unreadable origin.");
  }
  if (originHost !== host) throw new HttpError(403, "Requests from other sites are not accepted.");
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) {
    const retryAfter =
      "retryAfterSeconds" in error && typeof error.retryAfterSeconds === "number" ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(
      { error: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      { status: error.status, ...(retryAfter ? { headers: retryAfter } : {}) },
    );
  }
  if (isDatabaseUnavailable(error)) {
    console.error("The database is not answering:", error);
    return NextResponse.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Retry-After": "30" } });
  }
  console.error("Unhandled error in a route handler:", error);
  return NextResponse.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
}

/** Wraps a route handler so that every failure becomes a clear JSON answer. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * What a visitor is told when a form's server action failed: the same words the JSON routes send,
 * for forms that work without JavaScript (components/contact/actions.ts, components/feedback/actions.ts).
 */
export function failureMessage(error: unknown): string {
  if (error instanceof HttpError) return error.message;
  if (isDatabaseUnavailable(error)) {
    console.error("The database is not answering:", error);
    return DATABASE_UNAVAILABLE_MESSAGE;
  }
  console.error("Unhandled error in a form action:", error);
  return "Something went wrong on our side. Please try again.";
}
