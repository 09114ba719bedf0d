// The server's environment, parsed once. A bad value stops start-up with a message that says
// which variable is wrong and how to fix it.
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./client-address";
import { databaseProvider, defaultDatabaseUrl } from "./database-url";
import { CLIENT_INDEX_MAX_GZIP_BYTES } from "./search/config";

/** A count given as digits only (unset or empty: the default); anything else is refused with `message`. */
function wholeNumber(message: string, fallback: number) {
  return z
    .string()
    .trim()
    .regex(/^\d*$/, message)
    .optional()
    .transform((value) => (value ? Number(value) : fallback));
}

const PAGE_CACHE_SECONDS_MESSAGE = "must be whole seconds from 0 (off) to 3600, such as 10";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default(defaultDatabaseUrl)
    .refine((url) => {
      try {
        databaseProvider(url);
        return true;
      } catch {
        return false;
      }
    }, 'must start with "file:" (SQLite, e.g. file:./data/helpdesk.db) or "postgresql://"'),
  SITE_URL: z.url("must be an absolute URL such as https://help.example.com").optional(),
  // Gzip bytes of the search index above which the search box asks /api/search (lib/search/config.ts).
  // Digits only: "2e6", "-1" or "2 MB" stop start-up rather than quietly becoming 0 or NaN.
  SEARCH_CLIENT_INDEX_MAX_BYTES: wholeNumber(
    "must be a whole number of bytes (gzip size of the search index), such as 2000000",
    CLIENT_INDEX_MAX_GZIP_BYTES,
  ).refine(Number.isSafeInteger, "is too large"),
  // How long `npm start` keeps a shareable page in memory (lib/page-cache); 0 turns the cache off.
  PAGE_CACHE_SECONDS: wholeNumber(PAGE_CACHE_SECONDS_MESSAGE, 10).refine((seconds) => seconds <= 3_600, PAGE_CACHE_SECONDS_MESSAGE),
  // Which X-Forwarded-For entries to believe (lib/client-address.ts): unset for none.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      const trust = parseTrustProxy(value);
      if ("error" in trust) {
        ctx.addIssue({ code: "custom", message: `${trust.error} (unset when nothing is in front of the server)` });
        return z.NEVER;
      }
      return trust;
    }),
  // A fleet's shared Redis (lib/redis.ts): Next's cache, page-cache purges, limits, the search index.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with "redis://" or "rediss://", such as redis://127.0.0.1:6379')
    .pipe(z.url("must be a URL such as redis://127.0.0.1:6379"))
    .optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

/** Exported for tests; the server uses `env`, parsed once from process.env. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv();
