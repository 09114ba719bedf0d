// Errors cross the thread boundary between lib/workers/pool.ts and its workers as plain data, and
// are rebuilt with their class on the calling side, so callers catch them as if thrown in-thread.
import { LibraryUploadError } from "../content/archive";
import { HttpError } from "../http-error";

/** An error as it crosses the thread boundary: plain data. */
export interface SerializedError {
  name: string;
  message: string;
  status?: number;
  problems?: string[];
  fields?: Record<string, string>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { status, problems, fields } = error as Error & { status?: unknown; problems?: unknown; fields?: unknown };
  return {
    name: error instanceof LibraryUploadError ? "LibraryUploadError" : error instanceof HttpError ? "HttpError" : "Error",
    message: error.message,
    ...(typeof status === "number" ? { status } : {}),
    ...(Array.isArray(problems) ? { problems: problems.map(String) } : {}),
    ...(fields && typeof fields === "object" ? { fields: fields as Record<string, string> } : {}),
  };
}

/** The error a task threw, rebuilt on the calling side with its class, so callers catch it as usual. */
export function reviveError(error: SerializedError): Error {
  if (error.name === "LibraryUploadError") return new LibraryUploadError(error.status ?? 422, error.message, error.problems);
  if (error.name === "HttpError" && error.status !== undefined) return new HttpError(error.status, error.message, error.fields);
  return new Error(error.message);
}
