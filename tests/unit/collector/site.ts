import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { type Catalog, CATALOG_FILE } from "@/collector/catalog";
import { spawnListening } from "../server/helpers";

export const PAGE = "/account/real-name-auth/";
/** Questions q1 … q15 besides the two named ones: enough for a visitor to vote on more than the limit of distinct questions. */
export const MORE_QUESTIONS = Array.from({ length: 15 }, (_, i) => `q${i + 1}`);
export const CATALOG: Catalog = {
  pages: {
    [PAGE]: {
      title: "实名认证常见问题",
      source: "content/account/real-name-auth.md",
      questions: {
        faceiderr: { question: "人脸识别失败怎么办？", line: 51 },
        other: { question: "如何解除实名认证？", line: 12 },
        ...Object.fromEntries(MORE_QUESTIONS.map((id, i) => [id, { question: `问题 ${i + 1}？`, line: 100 + 10 * i }])),
      },
    },
  },
};

/** A built site as the build leaves it (a plain out/ with its catalog), in a scratch folder. */
export function scratchSite(): { root: string; out: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "faq-collector-site-"));
  const out = path.join(root, "out");
  fs.mkdirSync(path.join(out, "account", "real-name-auth"), { recursive: true });
  fs.writeFileSync(path.join(out, "index.html"), "<!doctype html><title>home</title>");
  fs.writeFileSync(path.join(out, "404.html"), "<!doctype html><title>404</title>");
  fs.writeFileSync(path.join(out, "account", "real-name-auth", "index.html"), "<!doctype html><title>page</title>");
  fs.writeFileSync(path.join(out, CATALOG_FILE), JSON.stringify(CATALOG));
  return { root, out, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export type Served = { url: string; port: number; child: ChildProcess; log: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

/** The server with its collector (serve-collector.ts) in its own process; resolves once it listens. */
export async function serveCollector(siteRoot: string, env: Record<string, string>, port = 0): Promise<Served> {
  const server = await spawnListening(path.join(import.meta.dirname, "serve-collector.ts"), [siteRoot, String(port)], { ...process.env, DATABASE_URL: "", ADMIN_TOKEN: "", TRUST_PROXY: "", ...env });
  return { url: server.url, port: server.port, child: server.child, log: server.log, stop: () => server.end("SIGTERM"), kill: () => server.end("SIGKILL") };
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; json: () => Record<string, unknown> };

/** One request with node:http: exact bytes, any header (fetch would add or refuse some). */
export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "POST", headers: { "content-type": "application/json", ...options.headers }, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export const events = (...list: object[]) => JSON.stringify({ events: list });
