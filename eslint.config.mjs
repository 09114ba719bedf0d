import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next*/**", "lib/generated/**", "test-results/**", "test-results-*/**", "playwright-report/**", "playwright-report-*/**", "next-env.d.ts"] },
];

export default config;
