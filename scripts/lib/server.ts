import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sirv from "sirv";
import { safeDecode } from "../../src/lib/url";

/**
 * The static server of `npm start` and the browser tests: serves `out/` the way a CDN would.
 * sirv does the file serving (ETags, ranges, HEAD); this adds the trailing-slash redirect,
 * the 404 page and cache headers.
 */
export function createStaticServer(outDir: string): http.Server {
  const policies = new Map<string, string>();
  /** The policy the build wrote into the page's meta tag, plus what only a header can say. */
  const pagePolicy = (file: string) => {
    let policy = policies.get(file);
    if (policy === undefined) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
      policies.set(file, (policy = meta ? `${meta[1]}; frame-ancestors 'none'` : ""));
    }
    return policy;
  };
  /** Hashed files never change; pages and the rest are revalidated on every visit. */
  const setHeaders = (res: http.ServerResponse, pathname: string) => {
    const hashed = pathname.startsWith("/_next/static/") || pathname.startsWith("/assets/") || pathname.startsWith("/search-index/");
    res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const page = pathname.endsWith("/") ? `${pathname}index.html` : pathname.endsWith(".html") ? pathname : null;
    const policy = page && pagePolicy(path.join(outDir, path.normalize(page)));
    if (policy) res.setHeader("Content-Security-Policy", policy);
  };
  // gzip: the .gz files the build wrote (precompress.ts), for clients that accept it.
  const files = sirv(outDir, { dev: false, etag: true, dotfiles: false, extensions: ["html"], gzip: true, setHeaders });
  const notFound = path.join(outDir, "404.html");
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (needsSlash(outDir, url.pathname)) {
      res.writeHead(308, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    files(req, res, () => {
      setHeaders(res, "/404.html");
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "Not found");
    });
  });
}

/** `/account/real-name-auth` → `/account/real-name-auth/`, like the site's own links. */
function needsSlash(outDir: string, pathname: string): boolean {
  if (pathname.endsWith("/") || path.extname(pathname)) return false;
  const safe = path.normalize(safeDecode(pathname)).replace(/^(\.\.[/\\])+/, "");
  return fs.existsSync(path.join(outDir, safe, "index.html"));
}

/** Security headers on every response (the README gives the same for nginx and CDNs). */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

