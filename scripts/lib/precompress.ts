import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { forEachConcurrently } from "./concurrent";

const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|css|json|txt|svg|xml|map)$/;
const MIN_BYTES = 1024; // smaller files gain nothing worth an extra request header
/** Files in flight at once: enough to keep libuv's threads busy, few enough to bound memory. */
export const CONCURRENCY = 8;

export const isCompressible = (file: string) => COMPRESSIBLE.test(file);

/**
 * Writes `file.gz` beside every text file of the site, once, at build time, so `npm start`
 * and nginx (`gzip_static on;`) serve it without compressing per request. Gzip only: browsers send
 * `br` only over https, where a CDN or proxy compresses by itself, and brotli would double the time
 * (a 1,000-page site has about 25 MB of HTML). A file that has its `.gz` already (linked from the
 * previous build with it, by the incremental build) is left alone: it is never written in place.
 */
export async function precompress(outDir: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const all = fs.readdirSync(outDir, { recursive: true }) as string[];
  const present = new Set(all);
  const files = all.filter((f) => isCompressible(f) && !present.has(`${f}.gz`));
  let count = 0, bytes = 0, gzipBytes = 0;
  await forEachConcurrently(files, CONCURRENCY, async (file) => {
    const abs = path.join(outDir, file);
    const data = await fs.promises.readFile(abs);
    const written = await writeCompressed(abs, data);
    if (written === null) return;
    count++;
    bytes += data.length;
    gzipBytes += written;
  });
  return { files: count, bytes, gzipBytes };
}

/** `file.gz` for a file with these bytes (none for a small one); the bytes written, or null. */
export async function writeCompressed(abs: string, data: Buffer): Promise<number | null> {
  if (data.length < MIN_BYTES) return null;
  const gz = await gzip(data, { level: 6 });
  await fs.promises.writeFile(`${abs}.gz`, gz);
  return gz.length;
}
