import { createHash } from "node:crypto";
import { COLLECTOR_URL } from "../../src/lib/config";

/**
 * Content-Security-Policy for the static site. A page keeps two small inline scripts of ours (the
 * theme applied before the first paint, and speculation rules), so `script-src` lists their SHA-256
 * hashes instead of allowing inline script: content that slipped a `<script>` past the sanitizer
 * still could not run.
 */
export function cspFor(html: string): string {
  const hashes = inlineScripts(html).map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    `connect-src ${connectSources()}`,
    "worker-src 'self'",
    `frame-src ${frameSources(html)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** This origin, and the collector's when it is elsewhere (COLLECTOR_URL=https://…). */
function connectSources(): string {
  const collector = /^https?:\/\//.test(COLLECTOR_URL) ? new URL(COLLECTOR_URL).origin : null;
  return collector ? `'self' ${collector}` : "'self'";
}

/** The origins of the page's embedded players (allow-listed by src/content/embeds.ts), or none. */
function frameSources(html: string): string {
  const origins = new Set<string>();
  for (const m of html.matchAll(/<iframe\s[^>]*?src="(https:\/\/[^"/]+)/g)) origins.add(m[1]);
  return origins.size ? [...origins].sort().join(" ") : "'none'";
}

/** Executable inline scripts: not `src=`, not data blocks such as JSON-LD. */
function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    const attributes = m[1] ?? "";
    if (/\ssrc=/.test(attributes) || /type="application\/(ld\+)?json"/.test(attributes)) continue;
    out.push(m[2]);
  }
  return out;
}

/**
 * The page with its policy in a meta tag, right after the charset declaration: that must stay within
 * the first 1,024 bytes, and a page with many inline scripts has a long policy.
 */
export function withCspMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspFor(html)}"/>`;
  const charset = /<meta charSet="utf-8"\/>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  return html.replace("<head>", `<head>${meta}`);
}
