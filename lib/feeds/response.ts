// How the machine-readable documents are sent: their own content type, a minute of caching (the
// same bound as the pages: a publish shows within a minute in any cache that honours it), and,
// for copies of a page, a Link header that names the page as the canonical version.
const MACHINE_MAX_AGE_SECONDS = 60;

export function machineResponse(body: string, contentType: string, { canonical }: { canonical?: string } = {}): Response {
  const headers = new Headers({
    "Content-Type": `${contentType}; charset=utf-8`,
    "Cache-Control": `public, max-age=${MACHINE_MAX_AGE_SECONDS}`,
  });
  if (canonical) headers.set("Link", `<${canonical}>; rel="canonical"`);
  return new Response(body, { headers });
}
