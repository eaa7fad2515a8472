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
  {
    // Routes and components render from their view (src/views/) and nothing else: the incremental build
    // re-renders a page when its view changes, so data read around it would go stale in unchanged pages.
    files: ["src/app/**", "src/components/**"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [
          { name: "@/content", importNames: ["getSite"], message: "Render from the route's view (src/views/source.ts): the incremental build re-renders a page when its view changes." },
          { name: "@/content/load", message: "Render from the route's view (src/views/source.ts)." },
          { name: "@/lib/featured", importNames: ["getFeaturedQuestions"], message: "Render from the route's view (src/views/source.ts)." },
        ],
      }],
    },
  },
]);
