import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "out/**", "out.*/**", ".out-builds/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "reports/**", ".bench-build/**", "public/assets/**"]),
  {
    // The built site ships no client router (scripts/lib/strip-runtime.ts): links are plain <a>, and
    // the browser code in src/client/ navigates with location, as any static page does.
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-location-assign-relative-destination": "off" },
  },
]);
