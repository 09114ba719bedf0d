// Gives every HTML document that Next sends through `npm start` a Content-Security-Policy made from
// its own inline scripts (lib/front/content-security-policy.ts). The document is held until it is
// complete (pages here are small and rarely streamed), hashed, then sent, gzipped when the browser
// takes gzip. Everything that is not an HTML document passes through untouched, except that the
// answers to a request whose Accept-Encoding was set aside here (the search index, the sitemap,
// feeds, Markdown copies) are gzipped on the way, as Next would have.
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { createGzip, gzipSync } from "node:zlib";
import { acceptsGzip } from "../page-cache/policy";
import { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Requests that may come back as an HTML document: browser navigations and form posts. */
function mayBeDocument(req: IncomingMessage): boolean {
  const path = (req.url ?? "").split("?", 1)[0]!;
  if (path.startsWith("/_next/") || path.startsWith("/api/") || req.headers.rsc !== undefined) return false;
  return req.method === "GET" || req.method === "HEAD" || req.method === "POST";
}

export function withDocumentSecurity(handler: Handler, { https }: { https: (req: IncomingMessage) => boolean }): Handler {
  return (req, res) => {
    if (!mayBeDocument(req)) return handler(req, res);
    // Next would compress the document; it is hashed as text first and compressed here instead.
    const gzip = acceptsGzip(req.headers);
    delete req.headers["accept-encoding"];
    interceptDocument(res, (html) => contentSecurityPolicy({ scriptHashes: inlineScriptHashes(html), https: https(req) }), gzip && req.method !== "HEAD");
    return handler(req, res);
  };
}

function interceptDocument(res: ServerResponse, policyFor: (html: string) => string, gzip: boolean) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  type Loose = (...args: unknown[]) => unknown;
  const call = (method: keyof typeof original, ...args: unknown[]) => (original[method] as Loose).apply(res, args);
  let mode: "undecided" | "document" | "passthrough" = "undecided";
  let statusMessage: string | undefined;
  const chunks: Buffer[] = [];

  const decide = (headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]) => {
    if (mode !== "undecided") return;
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    const type = String(res.getHeader("content-type") ?? "");
    mode = type.startsWith("text/html") && !res.getHeader("content-encoding") ? "document" : "passthrough";
    if (mode !== "passthrough") return;
    Object.assign(res, original);
    if (gzip && shouldGzip(res, type)) gzipOnTheWay(res, original);
  };

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    res.statusCode = statusCode;
    const [first, second] = rest;
    if (typeof first === "string") statusMessage = first;
    decide((typeof first === "string" ? second : first) as OutgoingHttpHeaders | undefined);
    if (mode === "passthrough") return (res.writeHead as Loose).apply(res, [statusCode, ...(statusMessage ? [statusMessage] : [])]);
    return res;
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "passthrough") return (res.write as Loose).apply(res, [chunk, ...rest]);
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8"));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "passthrough") return (res.end as Loose).apply(res, [chunk, ...rest]);
    if (chunk && typeof chunk !== "function")
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8"));
    Object.assign(res, original);
    const html = Buffer.concat(chunks);
    res.setHeader("content-security-policy", policyFor(html.toString("utf8")));
    const body = gzip && html.byteLength > 0 ? gzipSync(html) : html;
    if (gzip && html.byteLength > 0) res.setHeader("content-encoding", "gzip");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("content-length", body.byteLength);
    res.removeHeader("transfer-encoding");
    call("writeHead", res.statusCode, ...(statusMessage ? [statusMessage] : []));
    const callback = [chunk, ...rest].find((arg) => typeof arg === "function");
    return call("end", res.req?.method === "HEAD" ? undefined : body, callback);
  } as ServerResponse["end"];
}

/** Text worth compressing, with a body, not compressed yet; not a stream that must arrive as written. */
function shouldGzip(res: ServerResponse, type: string): boolean {
  if (res.req?.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304 || res.getHeader("content-encoding")) return false;
  if (type.startsWith("text/event-stream")) return false;
  return /^(text\/|application\/(json|xml|javascript|manifest\+json|atom\+xml|rss\+xml|ld\+json)|image\/svg\+xml)/.test(type);
}

/** Sends the rest of the response through gzip (streamed, so a large answer is not held whole). */
function gzipOnTheWay(res: ServerResponse, original: Pick<ServerResponse, "writeHead" | "write" | "end">) {
  type Loose = (...args: unknown[]) => unknown;
  const call = (method: "writeHead" | "write" | "end", ...args: unknown[]) => (original[method] as Loose).apply(res, args);
  res.setHeader("content-encoding", "gzip");
  res.removeHeader("content-length");
  const vary = String(res.getHeader("vary") ?? "");
  if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  const zipped = createGzip();
  zipped.on("data", (chunk: Buffer) => {
    if (!call("write", chunk)) zipped.pause();
  });
  res.on("drain", () => zipped.resume());
  zipped.on("end", () => call("end"));
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // The length Next computed is the uncompressed one.
    for (const headers of rest)
      if (headers && typeof headers === "object" && !Array.isArray(headers)) delete (headers as OutgoingHttpHeaders)["content-length"];
    res.removeHeader("content-length");
    return call("writeHead", statusCode, ...rest);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    return zipped.write(chunk as Buffer, ...(rest as [])) as boolean;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    const callback = [chunk, ...rest].find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (chunk !== undefined && typeof chunk !== "function") zipped.write(chunk as Buffer, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8");
    if (callback) res.once("finish", callback);
    zipped.end();
    return res;
  } as ServerResponse["end"];
}
