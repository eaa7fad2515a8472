import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../../src/content/dir";

/**
 * Everything the site is rendered with besides the content: the code (the build's own scripts
 * too: they finish every page), the installed packages, the settings and Node itself (zlib writes
 * the .gz files). A change to any of them changes every page.
 */
const CODE = ["src", "public", "scripts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json", "node_modules/.package-lock.json"];
const ENV = ["SITE_URL", "SITE_NAME", "SUPPORT_URL", "COLLECTOR_URL"];
/** Of the collector, only what the page script bundles and what the build writes: its server is not part of the site. */
const COLLECTOR_IN_BUILD = new Set(["protocol.ts", "catalog.ts"]);
export const STAMP_FILE = ".build-stamp";

/** A hash of the build's inputs except the content: when it changes, an incremental build renders every page. */
export function codeFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const name of ENV) hash.update(`${name}=${process.env[name] ?? ""}\n`);
  hash.update(`node=${process.version}\n`);
  // public/assets/ (the bundled browser code, from src/) is written by the build: an output.
  const outputs = new Set([path.join(root, "public", "assets")]);
  const collector = path.join(root, "src", "collector");
  for (const name of fs.existsSync(collector) ? fs.readdirSync(collector) : []) if (!COLLECTOR_IN_BUILD.has(name)) outputs.add(path.join(collector, name));
  for (const input of CODE) hashTree(hash, root, path.join(root, input), outputs);
  return hash.digest("hex");
}

/** A hash of all the build's inputs: `npm start` rebuilds when it differs from the one in `out/`. */
export function buildStamp(root = process.cwd(), code = codeFingerprint(root)): string {
  const hash = createHash("sha256").update(code);
  // Paths relative to the project, so two checkouts of the same inputs write the same stamp.
  hash.update(`content=${path.relative(root, contentDir())}\n`);
  hashTree(hash, root, contentDir(), new Set());
  return hash.digest("hex");
}

function hashTree(hash: ReturnType<typeof createHash>, root: string, file: string, outputs: Set<string>): void {
  // anchors.lock is written by the build itself, so it is an output, not an input.
  if (!fs.existsSync(file) || path.basename(file) === "anchors.lock" || outputs.has(file)) return;
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) hashTree(hash, root, path.join(file, name), outputs);
  } else {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
}

export function readStamp(outDir: string): string | null {
  const file = path.join(outDir, STAMP_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}
