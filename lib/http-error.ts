// An error with the HTTP status it should be answered with. Kept apart from lib/http.ts (which
// needs Next.js) so domain code and command-line tools can throw it too.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
