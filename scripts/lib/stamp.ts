import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "../../src/content/dir";

/** Everything a build depends on, besides node_modules (covered by the lock file); of src/collector/, only protocol.ts. */
const INPUTS = ["src", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];
const ENV = ["CONTENT_DIR", "SITE_URL", "SITE_NAME", "SUPPORT_URL", "COLLECTOR_URL"];
export const STAMP_FILE = ".build-stamp";

/** A hash of the build's inputs: `npm start` rebuilds when it differs from the one in `out/`. */
export function buildStamp(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const name of ENV) hash.update(`${name}=${process.env[name] ?? ""}\n`);
  hash.update(`content=${contentDir()}\n`);
  // public/assets/ (the bundled browser code, from src/) is written by the build: an output.
  const outputs = new Set([path.join(root, "public", "assets")]);
  // The collector's server code is not part of the site; only its protocol is bundled into the page script.
  const collector = path.join(root, "src", "collector");
  for (const name of fs.existsSync(collector) ? fs.readdirSync(collector) : []) if (name !== "protocol.ts") outputs.add(path.join(collector, name));
  for (const input of [...INPUTS.map((p) => path.join(root, p)), contentDir()]) hashTree(hash, input, outputs);
  return hash.digest("hex");
}

function hashTree(hash: ReturnType<typeof createHash>, file: string, outputs: Set<string>): void {
  // anchors.lock is written by the build itself, so it is an output, not an input.
  if (!fs.existsSync(file) || path.basename(file) === "anchors.lock" || outputs.has(file)) return;
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) hashTree(hash, path.join(file, name), outputs);
  } else {
    hash.update(file);
    hash.update(fs.readFileSync(file));
  }
}

export function readStamp(outDir: string): string | null {
  const file = path.join(outDir, STAMP_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}
