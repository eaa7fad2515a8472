import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|css|json|txt|svg|xml|map)$/;
const MIN_BYTES = 1024; // smaller files gain nothing worth an extra request header
/** Files in flight at once: enough to keep libuv's threads busy, few enough to bound memory. */
const CONCURRENCY = 8;

/**
 * Writes `file.br` and `file.gz` beside every text file of the site, once, at build time, so
 * `npm start` (sirv) and hosts such as nginx (`gzip_static`, `brotli_static`) serve them without
 * compressing per request. Browsers send `br` only over https, so plain-http serving uses the gzip.
 * Levels are chosen for build time: brotli 5 and gzip 6 are within a few per cent of the maximum
 * sizes at a fraction of the time (a 1,000-page site has about 150 MB of HTML and RSC payloads).
 */
export async function precompress(outDir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => COMPRESSIBLE.test(f));
  let count = 0, bytes = 0, brotliBytes = 0;
  const compressOne = async (file: string) => {
    const abs = path.join(outDir, file);
    const data = await fs.promises.readFile(abs);
    if (data.length < MIN_BYTES) return;
    const [br, gz] = await Promise.all([
      brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      gzip(data, { level: 6 }),
    ]);
    await Promise.all([fs.promises.writeFile(`${abs}.br`, br), fs.promises.writeFile(`${abs}.gz`, gz)]);
    count++;
    bytes += data.length;
    brotliBytes += br.length;
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) await compressOne(files[next++]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { files: count, bytes, brotliBytes };
}
