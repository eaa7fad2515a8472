import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { StoreLocation } from "../../src/collector/store/open";

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type ServerProcess = { child: ChildProcess; url: string; log: () => string; stop: () => Promise<void> };

/**
 * `npm start` (scripts/start.ts) in a process of its own with `env` added, started directly with
 * node so that the process is the server itself (a kill reaches it, its memory is the server's).
 * Resolves once the collector has opened its database and the site is served.
 */
export async function startServerProcess(env: Record<string, string>, port: number): Promise<ServerProcess> {
  // SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof" to profile it under load.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    let site = false;
    let collector = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk;
      site ||= log.includes("help center at");
      collector ||= log.includes("✓ collector: storing events");
      if (site && collector) resolve();
      if (log.includes("✗ collector: cannot open")) reject(new Error(`the collector cannot open its database:\n${log}`));
    });
    child.once("exit", (code, signal) => reject(new Error(`npm start ended (${signal ?? code}) before serving:\n${log}`)));
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A scratch database: a SQLite folder, or a fresh PostgreSQL database next to DATABASE_URL's. */
export async function scratchDatabase(): Promise<{ env: Record<string, string>; location: StoreLocation; label: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-bench-collector-"));
    return { env: { DATA_DIR: dir, DATABASE_URL: "" }, location: { dialect: "sqlite", file: path.join(dir, "collector.sqlite") }, label: "SQLite", drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await scratchPostgresDatabase(url, "faq_bench");
  return { env: { DATABASE_URL: scratch.url }, location: { dialect: "postgres", url: scratch.url }, label: "PostgreSQL", drop: scratch.drop };
}

/** An empty database of its own on the PostgreSQL server of `url` (benchmarks, tests), and how to drop it. */
export async function scratchPostgresDatabase(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.href, drop: () => run(`drop database if exists ${name} with (force)`) };
}

