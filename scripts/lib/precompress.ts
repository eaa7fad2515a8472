import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { forEachConcurrently } from "./concurrent";

const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|css|json|txt|svg|xml|map)$/;
const MIN_BYTES = 1024; // smaller files gain nothing worth an extra request header
/** Files in flight at once: enough to keep libuv's threads busy, few enough to bound memory. */
const CONCURRENCY = 8;

/**
 * Writes `file.gz` beside every text file of the site, once, at build time, so `npm start`
 * and nginx (`gzip_static on;`) serve it without compressing per request. Gzip only: browsers send
 * `br` only over https, where a CDN or proxy compresses by itself, and brotli would double the time
 * (a 1,000-page site has about 25 MB of HTML).
 */
export async function precompress(outDir: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const files = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => COMPRESSIBLE.test(f));
  let count = 0, bytes = 0, gzipBytes = 0;
  const compressOne = async (file: string) => {
    const abs = path.join(outDir, file);
    const data = await fs.promises.readFile(abs);
    if (data.length < MIN_BYTES) return;
    const gz = await gzip(data, { level: 6 });
    await fs.promises.writeFile(`${abs}.gz`, gz);
    count++;
    bytes += data.length;
    gzipBytes += gz.length;
  };
  await forEachConcurrently(files, CONCURRENCY, compressOne);
  return { files: count, bytes, gzipBytes };
}
