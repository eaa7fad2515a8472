import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../../src/content/dir";

/**
 * Everything the site is rendered with besides the content: the code (the build's own scripts
 * too: they finish every page), the installed packages, the settings and Node itself (zlib writes
 * the .gz files). A change to any of them changes every page.
 */
const CODE = ["src", "public", "scripts/build.ts", "scripts/lib", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json", "node_modules/.package-lock.json"];
const ENV = ["SITE_URL", "SITE_NAME", "SUPPORT_URL", "COLLECTOR_URL"];
/**
 * Code in src/ that is no part of the site: the server and the collector. Editing it must not
 * render 10,000 pages again (nor make `npm start` rebuild), but what the build and the page script
 * take from them is kept. tests/unit/stamp.test.ts checks that every file the build, the page
 * script, the search worker and the routes import is hashed.
 */
const NOT_SITE = ["src/server", "src/collector"];
const SITE_PARTS = new Set(["src/server/build-dirs.ts", "src/collector/protocol.ts", "src/collector/catalog.ts"]);
export const STAMP_FILE = ".build-stamp";

/** The files the code fingerprint hashes, relative to `root`, in a fixed order. */
export function codeInputs(root = process.cwd()): string[] {
  // public/assets/ (the bundled browser code, from src/) is written by the build: an output.
  const skip = (rel: string) => rel === "public/assets" || path.basename(rel) === "anchors.lock" || (NOT_SITE.some((d) => rel === d || rel.startsWith(`${d}/`)) && !keeps(rel));
  const keeps = (rel: string) => [...SITE_PARTS].some((part) => part === rel || part.startsWith(`${rel}/`));
  const files: string[] = [];
  const walk = (rel: string) => {
    const file = path.join(root, rel);
    if (!fs.existsSync(file) || skip(rel)) return;
    if (fs.statSync(file).isDirectory()) for (const name of fs.readdirSync(file).sort()) walk(`${rel}/${name}`);
    else files.push(rel);
  };
  for (const input of CODE) walk(input);
  return files;
}

/** A hash of the build's inputs except the content: when it changes, an incremental build renders every page. */
export function codeFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const name of ENV) hash.update(`${name}=${process.env[name] ?? ""}\n`);
  hash.update(`node=${process.version}\n`);
  for (const file of codeInputs(root)) hashFile(hash, root, path.join(root, file));
  return hash.digest("hex");
}

/** A hash of all the build's inputs: `npm start` rebuilds when it differs from the one in `out/`. */
export function buildStamp(root = process.cwd(), code = codeFingerprint(root)): string {
  const hash = createHash("sha256").update(code);
  // Paths relative to the project, so two checkouts of the same inputs write the same stamp.
  hash.update(`content=${path.relative(root, contentDir())}\n`);
  hashTree(hash, root, contentDir());
  return hash.digest("hex");
}

function hashTree(hash: ReturnType<typeof createHash>, root: string, file: string): void {
  // anchors.lock is written by the build itself, so it is an output, not an input.
  if (!fs.existsSync(file) || path.basename(file) === "anchors.lock") return;
  if (fs.statSync(file).isDirectory()) for (const name of fs.readdirSync(file).sort()) hashTree(hash, root, path.join(file, name));
  else hashFile(hash, root, file);
}

function hashFile(hash: ReturnType<typeof createHash>, root: string, file: string): void {
  hash.update(`${path.relative(root, file)}\0`);
  hash.update(fs.readFileSync(file));
}

export function readStamp(outDir: string): string | null {
  const file = path.join(outDir, STAMP_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}
