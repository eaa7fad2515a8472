// `npm run check`: validates the content tree (front matter, anchors, page URLs, synonyms) without building.
import { checkContent } from "./lib/content-report";

const { site, diagnostics, ok } = await checkContent();
const pages = site.categories.reduce((n, c) => n + c.pages.length, 0);
const errors = diagnostics.filter((d) => d.severity === "error").length;
console.error(`${ok ? "✓" : "✗"} ${pages} pages checked: ${errors} errors, ${diagnostics.length - errors} warnings`);
process.exit(ok ? 0 : 1);
