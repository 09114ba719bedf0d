// Gives every HTML document that Next sends through `npm start` a Content-Security-Policy made from
// its own inline scripts (lib/front/content-security-policy.ts). The document is held until it is
// complete (pages here are small and rarely streamed), hashed, then sent, gzipped when the browser
// takes gzip. Everything that is not an HTML document passes through untouched.
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
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
    if (mode === "passthrough") Object.assign(res, original);
  };

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    res.statusCode = statusCode;
    const [first, second] = rest;
    if (typeof first === "string") statusMessage = first;
    decide((typeof first === "string" ? second : first) as OutgoingHttpHeaders | undefined);
    if (mode === "passthrough") return call("writeHead", statusCode, ...(statusMessage ? [statusMessage] : []));
    return res;
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "passthrough") return call("write", chunk, ...rest);
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8"));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    decide();
    if (mode === "passthrough") return call("end", chunk, ...rest);
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
