import { createHash, randomBytes } from "node:crypto";
import type http from "node:http";
import type { Db } from "./store/open";

/** How long a daily salt is kept after it was made; then it is deleted and that day's keys can never be made again. */
export const SALT_LIFETIME_MS = 48 * 3600_000;

/**
 * The visitor key (Plausible's scheme): SHA-256 of a random salt of the day, the client's address
 * and its User-Agent, cut to 8 bytes. Neither the address nor a cookie is stored; the key is the
 * same for a visitor all day (one counted vote per question, per-visitor limits) and unrelated from
 * one day to the next. Salts live in the database, so every collector instance behind a load
 * balancer makes the same key, and are deleted 48 h after they were made (jobs.ts).
 */
export class VisitorKeys {
  private salt: { day: number; value: Promise<Buffer> } | null = null;

  constructor(private readonly db: Db) {}

  async key(day: number, address: string, userAgent: string): Promise<Buffer> {
    const salt = await this.saltOf(day);
    return createHash("sha256").update(salt).update(address).update("\0").update(userAgent).digest().subarray(0, 8);
  }

  private saltOf(day: number): Promise<Buffer> {
    if (this.salt?.day !== day) {
      const value = this.loadSalt(day);
      this.salt = { day, value };
      value.catch(() => (this.salt = null)); // the database was down: try again next request
    }
    return this.salt.value;
  }

  private async loadSalt(day: number): Promise<Buffer> {
    await this.db.insertInto("salts").values({ day, salt: randomBytes(32), created_at: Date.now() }).onConflict((oc) => oc.column("day").doNothing()).execute();
    const row = await this.db.selectFrom("salts").select("salt").where("day", "=", day).executeTakeFirstOrThrow();
    return Buffer.from(row.salt);
  }
}

/**
 * The client's address: the connection's, or, when the collector sits behind `trustedProxies`
 * proxies (a CDN, a load balancer; TRUST_PROXY), the one the outermost of them saw, from the
 * right end of X-Forwarded-For. Without TRUST_PROXY the header is ignored: anyone can send it.
 */
export function clientAddress(req: http.IncomingMessage, trustedProxies: number): string {
  const direct = req.socket.remoteAddress ?? "";
  if (trustedProxies <= 0) return direct;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? forwarded[0] ?? direct;
}
