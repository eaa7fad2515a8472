// `npm start`: serves the built site at `out/` on PORT (3000), building it first when it is missing or
// older than its inputs, and the collector's API on the same origin (src/collector/: votes, settled
// searches, the report at /admin/ when ADMIN_TOKEN is set; COLLECTOR=off leaves it out). It listens
// before building, so a port in use is reported at once (one line naming PORT); a stale out/ is served
// while it builds, and with no out/ at all pages answer 503 until the build is done. Later builds (`npm run build`) swap themselves in: the server serves them
// from the next request, with no restart.
import path from "node:path";
import { createCollector } from "../src/collector/collector";
import { collectorConfig, ConfigError } from "../src/collector/config";
import { createServer } from "../src/server/server";
import { listen, ListenError, parsePort } from "../src/server/listen";
import { buildStamp, readStamp } from "./lib/stamp";

const OUT = path.resolve("out");
const host = process.env.HOST || undefined; // all interfaces, so both localhost and 127.0.0.1 work

let collector;
try {
  collector = process.env.COLLECTOR === "off" ? null : createCollector({ siteRoot: OUT, config: collectorConfig() });
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof Error)) throw error;
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
const collectorUrl = process.env.COLLECTOR_URL || "/api/events";
if (!collector && collectorUrl.startsWith("/")) {
  console.error(`⚠ COLLECTOR=off, but the pages send feedback to ${collectorUrl} on this server, which will not answer: build with COLLECTOR_URL=off for a site without feedback.`);
}
let building = readStamp(OUT) !== buildStamp();
// A stale site is served while its successor builds (the build swaps itself in); only with no
// site at all do pages answer 503.
const hasSite = readStamp(OUT) !== null;
const server = createServer({ siteRoot: OUT, isBuilding: () => building && !hasSite, routes: collector?.routes });
try {
  await listen(server, parsePort(process.env.PORT, 3000), host);
} catch (error) {
  if (!(error instanceof ListenError)) throw error;
  console.error(error.message);
  process.exit(1);
}
void collector?.start().catch(() => {}); // logs its own failures; the site is served regardless
// SIGTERM/SIGINT: stop taking requests, let events being written commit, close the database.
// (A SIGKILL loses nothing acknowledged either: an event is acknowledged only once committed.)
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    void (collector?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
if (building) {
  console.error(readStamp(OUT) ? "out/ is out of date: building…" : "out/ not built yet: building…");
  // Loaded only to build: the content pipeline and search-index builder are large, and a server
  // that does not build should not carry them.
  const { build } = await import("./build");
  if (!(await build())) process.exit(1);
  building = false;
}
const { port } = server.address() as { port: number };
console.error(`✓ help center at http://localhost:${port}/ (serving ${path.relative(process.cwd(), OUT)}/; a new npm run build is served without a restart)`);
