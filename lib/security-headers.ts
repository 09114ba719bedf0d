// Headers every response carries: next.config.ts sends them with everything Next answers, and the
// /api/search front (lib/search/front.ts) with what it answers in front of Next.
import { contentSecurityPolicy } from "./front/content-security-policy";

export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  // The policy without inline scripts. `npm start` replaces it on every HTML document with one that
  // also lists the SHA-256 of that document's own inline scripts (lib/front/document-security.ts);
  // `next dev` needs inline and evaluated scripts of its own.
  { key: "Content-Security-Policy", value: contentSecurityPolicy({ development: process.env.NODE_ENV === "development" }) },
];
