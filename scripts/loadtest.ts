// `npm run loadtest [-- --connections 100 --duration 20]`: autocannon against `npm start` (started
// here, in its own process, on a free port; or LOADTEST_URL to test a running server). Requests cycle
// over the home page, the FAQ page and a search page, as a browser asks for them (brotli accepted).
// Prints requests/s, latency p50/p99 and errors; exits 1 on any error or non-2xx response.
//
// `npm run loadtest -- --rebuild 3 [--connections 100]`: the same load while `npm run build` runs 3
// times in a row, on `npm start` in a scratch copy of the project (.bench-build/; the project's own
// out/ is not touched). Each build adds a page, so the search index gets a new name and the first
// build's index is deleted two builds later. Besides the pages, the load asks for the first build's
// hashed files, a page revalidated with its ETag, a URL without its slash and the pages the builds
// add. Prints the status codes per path; exits 1 on a 5xx, a connection error, a status the path
// should not get (below), a failed build, or if the server died.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { formatCounts, startLoad, totals, type PathRequest } from "./lib/load-by-path";

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const connections = arg("connections", 100);
const duration = arg("duration", 20);
const rebuilds = arg("rebuild", 0);
const FAQ = "/account/real-name-auth/";
const PATHS = ["/", FAQ, `/search/?q=${encodeURIComponent("实名认证")}`];

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` in `cwd`, in its own process; resolves once it serves. `exited` is set if it ends. */
async function startServer(cwd = process.cwd()): Promise<{ url: string; stop: () => void; child: ChildProcess; exited: () => string | null }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd, env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "inherit", "pipe"] });
  let exited: string | null = null;
  child.once("exit", (code, signal) => (exited = signal ?? `exit code ${code}`));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (chunk.toString().includes("help center at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill(), child, exited: () => exited };
}

if (rebuilds > 0) process.exit(await loadDuringRebuilds(rebuilds));

const server = process.env.LOADTEST_URL ? { url: process.env.LOADTEST_URL, stop: () => {} } : await startServer();
console.log(`autocannon: ${connections} connections, ${duration} s, ${server.url} ${PATHS.join(" ")}`);
const result = await autocannon({
  url: server.url,
  connections,
  duration,
  headers: { "accept-encoding": "br, gzip", accept: "text/html" },
  requests: PATHS.map((path) => ({ method: "GET" as const, path })),
});
server.stop();

const errors = result.errors + result.timeouts + result.non2xx;
console.log(
  [
    `requests/s   mean ${Math.round(result.requests.average)} · total ${result.requests.total}`,
    `latency ms   p50 ${result.latency.p50} · p99 ${result.latency.p99} · max ${result.latency.max}`,
    `throughput   ${(result.throughput.average / 1e6).toFixed(1)} MB/s (compressed)`,
    `errors       ${result.errors} · timeouts ${result.timeouts} · non-2xx ${result.non2xx}`,
  ].join("\n"),
);
process.exit(errors === 0 ? 0 : 1);

/** The `--rebuild` run; returns the exit code. */
async function loadDuringRebuilds(count: number): Promise<number> {
  const scratch = scratchProject();
  try {
    const server = await startServer(scratch); // builds the scratch copy first, not under load
    const out = path.join(scratch, "out");
    const faqHtml = fs.readFileSync(path.join(out, FAQ, "index.html"), "utf8");
    const hashed = [
      /src="(\/assets\/app-[^"]+\.js)"/.exec(faqHtml)![1],
      /href="(\/_next\/static\/[^"]+\.css)"/.exec(faqHtml)![1],
      `/search-index/${fs.readdirSync(path.join(out, "search-index")).find((f) => f.endsWith(".json"))}`,
    ];
    const etag = String((await fetch(server.url + FAQ, { headers: { "accept-encoding": "gzip" } })).headers.get("etag"));
    const added = Array.from({ length: count }, (_, i) => `/account/loadtest-${i + 1}/`);
    // What each path may answer: pages are always there; the first build's ETag stops matching
    // after a rebuild; its hashed files stay while it is the previous build, then 404.
    const allowed = new Map<string, number[]>([
      ...PATHS.map((p): [string, number[]] => [p, [200]]),
      [`${FAQ}?revalidate`, [304, 200]],
      [FAQ.slice(0, -1), [308]],
      ...hashed.map((p): [string, number[]] => [p, [200, 404]]),
      ...added.map((p): [string, number[]] => [p, [404, 200]]), // 404 until the build that adds it
    ]);
    const requests: PathRequest[] = [...allowed.keys()].map((p) => (p.endsWith("?revalidate") ? { path: p, headers: { "if-none-match": etag } } : { path: p }));
    console.log(`autocannon: ${connections} connections on ${server.url} during ${count} builds; paths:\n  ${[...allowed.keys()].join("\n  ")}`);

    const started = Date.now();
    const load = startLoad(server.url, connections, requests);
    const builds: string[] = [];
    for (let i = 1; i <= count; i++) {
      addPage(scratch, i);
      const buildStarted = Date.now();
      const code = await runBuild(scratch);
      builds.push(`build ${i}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);
      if (code !== 0) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last build's pages, served a while
    const result = await load.stop();
    const seconds = (Date.now() - started) / 1000;
    const alive = server.exited() === null;
    const finalPages = await Promise.all(added.map(async (p) => (alive ? (await fetch(server.url + p)).status : 0)));
    server.stop();

    const unexpected = [...load.counts].flatMap(([p, byStatus]) => [...byStatus.keys()].filter((s) => !allowed.get(p)!.includes(s)).map((s) => `${p} answered ${s}`));
    const all = totals(load.counts);
    const fiveHundreds = [...all].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(builds.join("\n"));
    console.log(`status codes by path (${result.requests.total} requests in ${seconds.toFixed(0)} s, ${Math.round(result.requests.total / seconds)}/s):\n${formatCounts(load.counts)}`);
    console.log(`all paths    ${[...all].sort(([a], [b]) => a - b).map(([s, n]) => `${s} ×${n}`).join(" · ")}`);
    console.log(`5xx          ${fiveHundreds}`);
    console.log(`errors       ${result.errors} connection errors · ${result.timeouts} timeouts`);
    console.log(`server       ${alive ? "still running: 0 crashes" : `died (${server.exited()})`}; pages added by the builds now answer ${finalPages.join(", ")}`);
    for (const line of unexpected) console.log(`✗ unexpected: ${line}`);
    const ok = alive && builds.every((b) => b.includes(": ok")) && !unexpected.length && fiveHundreds === 0 && result.errors + result.timeouts === 0 && finalPages.every((s) => s === 200);
    console.log(ok ? `✓ ${count} rebuilds under load: no failed request` : "✗ requests failed during the rebuilds (above)");
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** A copy of the project to build and serve (inside it, so Next resolves the project's node_modules). */
function scratchProject(): string {
  fs.mkdirSync(".bench-build", { recursive: true });
  const scratch = fs.mkdtempSync(path.resolve(".bench-build", "loadtest-"));
  for (const entry of ["src", "public", "scripts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json"]) {
    fs.cpSync(entry, path.join(scratch, entry), { recursive: true });
  }
  fs.cpSync(path.resolve(process.env.CONTENT_DIR || "content"), path.join(scratch, "content"), { recursive: true });
  delete process.env.CONTENT_DIR; // the copy is the scratch project's own `content/`
  return scratch;
}

/** A new page for build `i`: a new URL and new questions, so the search index gets a new name. */
function addPage(scratch: string, i: number): void {
  const file = path.join(scratch, "content", "account", `loadtest-${i}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\ntitle: 压力测试第 ${i} 页\n---\n\n### 第 ${i} 次重建加入的问题？\n\n这是第 ${i} 次重建时加入的答案。\n`);
}

function runBuild(cwd: string): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (d) => (log += d));
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      if (code !== 0) process.stderr.write(log.slice(-3000));
      resolve(code ?? 1);
    });
  });
}
