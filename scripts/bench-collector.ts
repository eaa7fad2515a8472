// `npm run bench:collector [-- --duration S] [--kill] [--connections N]`: the collector of `npm start`
// under load. Starts the server on a free port with a scratch database (SQLite in a temporary
// folder; with DATABASE_URL=postgres://…, a scratch database created on that server and dropped
// after), drives POST /api/events with autocannon on loopback, and prints one line:
//
//   collector: R events/s, sent S, acknowledged A, stored T, errors E, p99 L ms
//
// The load is a mix of what pages send: settled searches (some with the clicked position, some
// finding nothing), votes (有帮助, 没帮助 with a reason, some with a comment) and 没找到 texts, one to
// three events per request, each request from another simulated visitor (X-Forwarded-For, trusted
// with TRUST_PROXY=1, as behind a CDN), so per-visitor limits do not throttle it; a 429 counts as an
// error. `stored` is counted in the database after the run. With --kill the server is SIGKILLed
// halfway and started again on the same database while the load goes on: stored must be at least
// acknowledged (nothing acknowledged is lost). Needs a built site (npm run build): votes name its
// questions. Exits 1 when an acknowledged event is missing.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { readCatalog } from "../src/collector/catalog";
import { REASONS } from "../src/collector/protocol";
import { openStore } from "../src/collector/store/open";
import { currentBuildDir } from "../src/server/build-dirs";
import { freePort, scratchDatabase, startServerProcess, type ServerProcess } from "./lib/collector-process";
import { buildStamp, readStamp } from "./lib/stamp";

const { values } = parseArgs({ options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "32" }, kill: { type: "boolean", default: false } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

const OUT = path.resolve("out");
const build = currentBuildDir(OUT);
const catalog = build ? readCatalog(build) : null;
if (!catalog || readStamp(OUT) !== buildStamp()) {
  console.error("✗ out/ is missing or out of date: run npm run build first (the benchmark measures the collector, not a build)");
  process.exit(1);
}
const questions = Object.entries(catalog.pages).flatMap(([page, p]) => Object.keys(p.questions).map((question) => ({ page, question })));
const QUERIES = ["实名认证", "人脸识别失败", "企业认证多久", "怎么修改手机号", "退款", "发票怎么开", "rlsb", "注销账号", "境外用户认证", "证件超限", "审核要多久", "xyzzy 不存在的东西"];

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];
const uuid = () => crypto.randomUUID();

/** One request's events, as a page would send them. */
function events(): object[] {
  const r = Math.random();
  const search = () => {
    const results = Math.random() < 0.15 ? 0 : 1 + Math.floor(Math.random() * 10);
    return { type: "search", id: uuid(), query: pick(QUERIES), results, position: results && Math.random() < 0.6 ? 1 + Math.floor(Math.random() * Math.min(results, 5)) : null };
  };
  const vote = (comment: boolean) => {
    const q = pick(questions);
    const helpful = Math.random() < 0.7;
    return { type: "vote", vote: uuid(), seq: 1, ...q, helpful, reason: helpful ? null : pick(REASONS)[0], comment: !helpful && comment ? "第二步的入口找不到，截图和页面不一样" : null };
  };
  if (r < 0.55) return [search()];
  if (r < 0.7) return [search(), search()];
  if (r < 0.85) return [vote(false)];
  if (r < 0.9) return [vote(true)];
  if (r < 0.95) return [search(), search(), search()];
  return [{ ...search(), results: 0, position: null }, { type: "notfound", id: uuid(), query: "境外护照怎么认证", text: "想知道护照能不能做实名认证" }];
}

function rssMb(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const db = await scratchDatabase();
const port = await freePort();
const serverEnv = { ...db.env, TRUST_PROXY: "1", ADMIN_TOKEN: "", COLLECTOR: "" };
let server: ServerProcess = await startServerProcess(serverEnv, port);
let sent = 0;
let acknowledged = 0;
let visitor = 0;
let maxRss = 0;
const statuses = new Map<number, number>();
const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(server.child.pid))), 250);
let killed = false;

const load = autocannon({
  url: server.url,
  connections,
  duration,
  timeout: 10,
  requests: [
    {
      method: "POST",
      path: "/api/events",
      setupRequest: (req, context: { events?: number }) => {
        const batch = events();
        const n = ++visitor;
        context.events = batch.length;
        sent += batch.length;
        return {
          ...req,
          headers: { "content-type": "application/json", "user-agent": "bench", "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ events: batch }),
        };
      },
      onResponse: (status, _body, context: { events?: number }) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 200 && status < 300) acknowledged += context.events ?? 0;
      },
    },
  ],
});

if (values.kill) {
  setTimeout(async () => {
    killed = true;
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    server = await startServerProcess(serverEnv, port);
    console.error(`… SIGKILLed the server at ${duration / 2} s and started it again`);
  }, (duration * 1000) / 2);
}

const result = await load;
clearInterval(sampler);
await server.stop();
const store = await openStore(db.location);
const count = async (table: "searches" | "votes" | "notfound") => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const stored = (await count("searches")) + (await count("votes")) + (await count("notfound"));
await store.close();
await db.drop();

const errors = result.errors + result.timeouts + result.non2xx;
console.log(`collector: ${Math.round(acknowledged / duration)} events/s, sent ${sent}, acknowledged ${acknowledged}, stored ${stored}, errors ${errors}, p99 ${result.latency.p99} ms`);
console.error(
  `(${db.label}, ${connections} connections, ${duration} s${killed ? ", killed halfway" : ""}; requests ${result.requests.total}, status ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}, connection errors ${result.errors}, timeouts ${result.timeouts}; p50 ${result.latency.p50} ms; server RSS max ${Math.round(maxRss)} MB)`,
);
if (stored < acknowledged) console.error(`✗ ${acknowledged - stored} acknowledged events are missing from the database`);
process.exit(stored >= acknowledged ? 0 : 1);
