// The server of `npm start` with its collector, for the tests, in a process of its own:
// `node --import tsx serve-collector.ts SITE_ROOT PORT` with the collector's variables in the
// environment (DATABASE_URL or DATA_DIR, ADMIN_TOKEN, limits…). Prints "listening PORT" once the
// collector has opened its database (or tried: COLLECTOR_REOPEN_MS), as npm start would serve.
import { createCollector } from "../../../src/collector/collector";
import { collectorConfig } from "../../../src/collector/config";
import { listen } from "../../../src/server/listen";
import { createServer } from "../../../src/server/server";

const collector = createCollector({ siteRoot: process.argv[2], config: collectorConfig(), reopenMs: Number(process.env.COLLECTOR_REOPEN_MS || 10_000) });
const server = createServer({ siteRoot: process.argv[2], routes: collector.routes });
await listen(server, Number(process.argv[3] ?? 0), "127.0.0.1");
const started = collector.start();
if (!process.env.COLLECTOR_REOPEN_MS) await started;
console.log(`listening ${(server.address() as { port: number }).port}`);
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void collector.close().finally(() => process.exit(0));
});
