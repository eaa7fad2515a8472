import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|css|json|txt|svg|xml|map)$/;
const MIN_BYTES = 1024; // smaller files gain nothing worth an extra request header

/**
 * Writes `file.br` and `file.gz` beside every text file of the site, once, at build time, so
 * `npm start` (sirv) and hosts such as nginx (`gzip_static`, `brotli_static`) serve them without
 * compressing per request. Runs on libuv's thread pool, so both cores work.
 */
export async function precompress(outDir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => COMPRESSIBLE.test(f));
  let count = 0, bytes = 0, brotliBytes = 0;
  await Promise.all(
    files.map(async (file) => {
      const abs = path.join(outDir, file);
      const data = await fs.promises.readFile(abs);
      if (data.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        // Quality 9, not 11: nearly the same size, several times faster on a 1,000-page site.
        brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        gzip(data, { level: 9 }),
      ]);
      await Promise.all([fs.promises.writeFile(`${abs}.br`, br), fs.promises.writeFile(`${abs}.gz`, gz)]);
      count++;
      bytes += data.length;
      brotliBytes += br.length;
    }),
  );
  return { files: count, bytes, brotliBytes };
}
