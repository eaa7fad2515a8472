import path from "node:path";

/**
 * Next renders every page, but the built site does not ship Next's client runtime: a static FAQ site
 * needs no client-side router or React hydration, and on a mid-range phone evaluating that runtime
 * (about 130 KB gzip) cost more than everything else on the page. Each page keeps its HTML, CSS and
 * our one script (src/client/, see client-bundle.ts); the runtime's script tags, its inline RSC data
 * and its `.txt` payload files (fetched only by the client router) go.
 */
const RUNTIME_TAGS = [
  /<link rel="preload" as="script"[^>]*? href="\/_next\/static\/[^"]+"[^>]*\/>/g,
  /<script src="\/_next\/static\/[^"]+"[^>]*><\/script>/g,
  /<script(?: id="_R_")?>(?:\(?self\.__next_f|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g,
];
const LEFTOVER = /\/_next\/static\/[^"]+\.js|__next_f|TURBOPACK/;

export function stripRuntime(html: string, file = "page"): string {
  const stripped = RUNTIME_TAGS.reduce((s, re) => s.replace(re, ""), html);
  const left = LEFTOVER.exec(stripped);
  // Fail loudly if a Next upgrade changes its markup, rather than ship half a runtime.
  if (left) throw new Error(`${file}: Next's client runtime is still referenced after stripping (${left[0]}); update scripts/lib/strip-runtime.ts`);
  return stripped;
}

/** RSC payloads (`index.txt`, `__next.*.txt`) and the runtime's scripts; CSS and media stay. */
export function isRuntimeFile(file: string): boolean {
  const name = path.basename(file);
  return (name === "index.txt" || (name.startsWith("__next.") && name.endsWith(".txt"))) || (file.startsWith(`_next${path.sep}`) && /\.js(\.map)?$/.test(name));
}
