/**
 * The browser bundle of src/client/ (the site's only script), built by scripts/lib/client-bundle.ts
 * before Next renders the pages; its content-hashed name comes in `FAQ_CLIENT_SCRIPT`.
 */
export const CLIENT_SCRIPT = process.env.FAQ_CLIENT_SCRIPT || "/assets/app.js";

/**
 * Speculation rules: Chromium browsers fetch a page of the site when the reader shows intent
 * (hover, or pointer down on a phone), so the next page opens at once, without any script.
 */
export const SPECULATION_RULES = JSON.stringify({
  prefetch: [{ where: { and: [{ href_matches: "/*" }, { not: { href_matches: "/search-index/*" } }] }, eagerness: "moderate" }],
});
