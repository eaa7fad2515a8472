// `npm run loadtest [-- --connections 100 --duration 20]`: autocannon against `npm start` (started
// here, in its own process, on a free port; or LOADTEST_URL to test a running server). Requests cycle
// over the home page, the FAQ page and a search page, as a browser asks for them (brotli accepted).
// Prints requests/s, latency p50/p99 and errors; exits 1 on any error or non-2xx response.
import { spawn } from "node:child_process";
import net from "node:net";
import autocannon from "autocannon";

const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const connections = arg("connections", 100);
const duration = arg("duration", 20);
const PATHS = ["/", "/account/real-name-auth/", `/search/?q=${encodeURIComponent("实名认证")}`];

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "inherit", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (chunk.toString().includes("help center at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

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
