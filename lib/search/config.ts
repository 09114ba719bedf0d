// Where instant search runs, decided on the server from the size of the index.
//
// Measured (docs/benchmarks.md): in headless Chromium on the reference machine, a 10,000-article
// index (~1.2 MB gzip) downloads and decodes in a worker without touching the main thread, and
// answers a keystroke in a few milliseconds. Past CLIENT_INDEX_MAX_GZIP_BYTES the download
// costs more than it saves, so each keystroke goes to /api/search, which ranks the same way.
export const CLIENT_INDEX_MAX_GZIP_BYTES = 2_000_000;

export type SearchSource = { mode: "client"; indexUrl: string } | { mode: "server" };
