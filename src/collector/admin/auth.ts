import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { HttpError } from "../http";
import { RateLimiter } from "../rate-limit";

/**
 * `Authorization: Bearer <ADMIN_TOKEN>` for the report's API. Compared in constant time (hashes
 * of equal length, crypto.timingSafeEqual), so the answer time says nothing about how much of a
 * guess was right; wrong tries are limited per client address (10 per 10 minutes, and 1,000 for
 * everyone together), after which even the right token gets 429 until the window passes.
 */
export class AdminAuth {
  private readonly expected: Buffer;
  private readonly perClient = new RateLimiter(10, 10 * 60_000, 10_000);
  private readonly overall = new RateLimiter(1000, 10 * 60_000);

  constructor(
    token: string,
    private readonly addressOf: (req: http.IncomingMessage) => string,
  ) {
    this.expected = digest(token);
  }

  check(req: http.IncomingMessage): void {
    const address = this.addressOf(req);
    const header = String(req.headers.authorization ?? "");
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? "";
    // Limits apply before the comparison: a client over its limit learns nothing from guessing.
    const wait = Math.max(this.perClient.waitMs(address), this.overall.waitMs("all"));
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      throw new HttpError(429, `too many wrong tokens; wait ${Math.ceil(seconds / 60)} minute(s)`, { "Retry-After": String(seconds) });
    }
    if (timingSafeEqual(digest(given), this.expected)) return;
    this.perClient.take(address);
    this.overall.take("all");
    throw new HttpError(401, given ? "wrong token" : "send Authorization: Bearer <ADMIN_TOKEN>", { "WWW-Authenticate": 'Bearer realm="report"' });
  }
}

const digest = (s: string) => createHash("sha256").update(s).digest();
