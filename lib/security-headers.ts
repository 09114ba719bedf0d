// Headers every response carries: next.config.ts sends them with everything Next answers, and the
// /api/search front (lib/search/front.ts) with what it answers in front of Next.
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  // Next.js inlines its bootstrap scripts, so script-src is left to the defaults; what an
  // injected element could do is limited here, and the MDX renderer allows no scripts at all.
  { key: "Content-Security-Policy", value: "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" },
];
