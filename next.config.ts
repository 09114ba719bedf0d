import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security-headers";

/**
 * In a fleet (REDIS_URL set), Next's cache lives in Redis, shared by every instance, with no copy
 * in each instance's memory that a publish elsewhere could leave stale (docs/deployment.md).
 */
const fleetCache: NextConfig = process.env.REDIS_URL ? { cacheHandler: path.resolve("lib/next-cache/redis-handler.mjs") } : {};

const nextConfig: NextConfig = {
  // Every instance of a fleet must run one build: the same build ID, and the same server-action
  // ids and encryption key. Build once with BUILD_ID (and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) set
  // and copy the output, or build on each host with the same values.
  generateBuildId: async () => process.env.BUILD_ID?.trim() || null,
  ...fleetCache,
  // The end-to-end suite builds into its own folder so it never overwrites your build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // …and checks types against a tsconfig of its own (scripts/e2e-server.sh), because next build
  // writes its distDir into the tsconfig it uses.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH ?? "tsconfig.json" },
  poweredByHeader: false,
  // Hashing every cached page for an ETag was the largest single cost of serving one
  // (docs/benchmarks.md); pages are revalidated by time and on publish instead.
  generateEtags: false,
  reactStrictMode: true,
  // Pages rendered on demand are kept in memory only, at most this many bytes (least recently used
  // out first): nothing is written under .next at run time, so no stream of requests can fill the
  // disk (an unknown address never reaches a page route at all: proxy.ts).
  cacheMaxMemorySize: process.env.REDIS_URL ? 0 : 64 * 1024 * 1024,
  experimental: {
    // forbidden(): a 403 page for staff pages a role may not open.
    authInterrupts: true,
    // app/global-not-found.tsx: the 404 for addresses no route matches. The site has a root layout
    // per language (app/[locale]) and one for the staff area, so no single layout could draw it.
    globalNotFound: true,
    isrFlushToDisk: false,
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/staff/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
      {
        source: "/staff",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

// Interface strings per language (lib/i18n/request.ts).
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
