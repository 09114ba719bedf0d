// The server's environment, parsed once. A bad value stops start-up with a message that says
// which variable is wrong and how to fix it.
import { z } from "zod";
import { databaseProvider, defaultDatabaseUrl } from "./database-url";

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
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv();
