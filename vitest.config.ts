import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Unit tests run outside Next.js; the marker module would refuse to load there.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    // Migrates one template database per provider; each test file gets a copy.
    globalSetup: ["tests/support/database-template.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
