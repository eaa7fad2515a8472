import fs from "node:fs";
import type http from "node:http";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { Route } from "../../server/handler";
import type { ServedCatalog } from "../catalog";
import type { CollectorConfig } from "../config";
import { HttpError, sendError, sendJson } from "../http";
import { buildReport } from "../report/report";
import type { OpenStore } from "../store/open";
import { clientAddress } from "../visitor";
import { AdminAuth } from "./auth";

const fromHere = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The admin page's own policy: its script and style files, fetches to this origin, nothing else. */
const ADMIN_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const PRIVATE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" };

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>反馈与搜索报告</title>
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/admin/admin.css">
<script src="/admin/admin.js" defer></script>
</head>
<body>
<main id="main">
<h1>反馈与搜索报告</h1>
<form id="login" class="login">
<label for="token">报告令牌（ADMIN_TOKEN）</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">查看报告</button>
<p id="login-error" class="error" role="alert"></p>
</form>
<div id="report" hidden></div>
</main>
</body>
</html>
`;

let script: Promise<string> | null = null;

/** The page's script, bundled by esbuild on first request (kept in memory; the admin page is not part of out/). */
function adminScript(): Promise<string> {
  script ??= esbuild
    .build({ entryPoints: [fromHere("./client.ts")], bundle: true, minify: true, write: false, format: "iife", target: ["chrome111", "firefox111", "safari16.4"], logLevel: "silent" })
    .then((r) => r.outputFiles[0].text)
    .catch((error: unknown) => {
      script = null;
      throw error;
    });
  return script;
}

function send(res: http.ServerResponse, type: string, body: string): void {
  res.writeHead(200, { "Content-Type": `${type}; charset=utf-8`, "Content-Security-Policy": ADMIN_CSP, ...PRIVATE });
  res.end(body);
}

/**
 * `/admin/` (the page, its script and style) and `/api/admin/report?days=N` (the report as JSON,
 * behind `Authorization: Bearer <ADMIN_TOKEN>`). Only registered when ADMIN_TOKEN is set: without
 * it these paths are the site's 404.
 */
export function adminRoutes({ config, catalog, store }: { config: CollectorConfig; catalog: ServedCatalog; store: () => OpenStore | null }): Route[] {
  const auth = new AdminAuth(config.adminToken!, (req) => clientAddress(req, config.trustProxy));
  return [
    { method: "GET", path: "/admin/", handle: (_req, res) => send(res, "text/html", PAGE) },
    { method: "GET", path: "/admin", handle: (_req, res) => void res.writeHead(308, { Location: "/admin/" }).end() },
    { method: "GET", path: "/admin/admin.js", handle: async (_req, res) => send(res, "text/javascript", await adminScript()) },
    { method: "GET", path: "/admin/admin.css", handle: (_req, res) => send(res, "text/css", fs.readFileSync(fromHere("./admin.css"), "utf8")) },
    {
      method: "GET",
      path: "/api/admin/report",
      handle: async (req, res) => {
        try {
          auth.check(req);
          const open = store();
          if (!open) throw new HttpError(503, "the collector's database is not open yet", { "Retry-After": "10" });
          const days = Number(new URL(req.url ?? "/", "http://x").searchParams.get("days") ?? 30);
          if (!Number.isInteger(days) || days < 1 || days > 3660) throw new HttpError(400, "days must be a whole number from 1 to 3660");
          sendJson(res, 200, await buildReport(open.db, catalog.current(), { days, siteUrl: config.siteUrl }), PRIVATE);
        } catch (error) {
          if (error instanceof HttpError) return sendError(res, error);
          throw error;
        }
      },
    },
  ];
}
