import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { newBuildDir } from "../../../src/server/build-dirs";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** A scratch folder whose `out` is where the builds go (removed by `cleanup`). */
export function scratchSite(): { root: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-server-"));
  return { root: path.join(dir, "out"), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes a small build of `root` in a new build directory (not swapped in): each file as given,
 * with a gzip copy beside the HTML, as the real build writes them. Returns the directory.
 */
export function writeBuild(root: string, files: Record<string, string>): string {
  const dir = newBuildDir(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (name.endsWith(".html")) fs.writeFileSync(`${file}.gz`, gzipSync(text));
  }
  return dir;
}

/** A page as the build writes it: its CSP in a meta tag. */
export const page = (body: string) => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head><body>${body}</body></html>`;

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One request with node:http (no automatic decompression, no redirects followed). */
export function request(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A server script in a process of its own, once it printed `listening PORT`; its stderr is kept as its log. */
export async function spawnListening(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr!.on("data", (d) => (log += d));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const match = /listening (\d+)/.exec(d.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${log}`)));
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  /** Sends `signal` and resolves once the process is gone (at once if it already is). */
  const end = async (signal: NodeJS.Signals) => {
    if (ended()) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, port, child, log: () => log, end };
}

/**
 * The real server in a process of its own (tests/unit/server/serve.ts), so that a crash shows as
 * that process ending rather than as the test runner's. Resolves once it listens.
 */
export async function startServerProcess(siteRoot: string): Promise<{ url: string; child: ChildProcess; log: () => string; stop: () => Promise<void> }> {
  const { url, child, log, end } = await spawnListening(path.join(import.meta.dirname, "serve.ts"), [siteRoot]);
  return { url, child, log, stop: () => end("SIGTERM") };
}
