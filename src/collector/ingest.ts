import type http from "node:http";
import { z } from "zod";
import { Overloaded, type Batcher } from "./batcher";
import type { ServedCatalog } from "./catalog";
import type { CollectorConfig } from "./config";
import { dayOf } from "./day";
import { HttpError, readJson, sendError, sendJson } from "./http";
import { LIMITS, REASONS, UUID } from "./protocol";
import { redact } from "./redact";
import { storableText } from "./storable-text";
import type { Received, StoredEvent } from "./store/write";
import { clientAddress, type VisitorKeys } from "./visitor";
import { VisitorLimits } from "./visitor-limits";

const uuid = z.string().regex(UUID);
const position = z.number().int().min(1).max(LIMITS.position);
/** Free text: cut to `max` characters below (twice as long is refused), made storable first (storable-text.ts). */
const text = (max: number) => z.string().max(max * 2).transform(storableText);
/** A query searched: something besides spaces (an empty one says nothing to the report). */
const query = text(LIMITS.query).refine((q) => q.trim() !== "", { message: "the query is empty" });
const reasonCodes = REASONS.map(([code]) => code) as [string, ...string[]];

// Strict objects: an unknown field is a 400, so a client that sends more than we meant to store learns it.
const EventSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("vote"),
    vote: uuid,
    seq: z.number().int().min(1).max(LIMITS.voteSeq),
    page: z.string().max(300),
    question: z.string().max(300),
    helpful: z.boolean(),
    reason: z.enum(reasonCodes).nullable().optional(),
    comment: text(LIMITS.comment).nullable().optional(),
  }),
  z
    .strictObject({ type: z.literal("search"), id: uuid, query, results: z.number().int().min(0).max(10_000), position: position.nullable().optional() })
    .refine((e) => e.position == null || e.position <= e.results, { message: "position is past the results", path: ["position"] }),
  z.strictObject({ type: z.literal("click"), search: uuid, position }),
  z.strictObject({ type: z.literal("notfound"), id: uuid, query, text: text(LIMITS.comment) }),
]);
const BodySchema = z.strictObject({ events: z.array(z.unknown()).min(1).max(LIMITS.eventsPerRequest) });

/** A query as the report groups it: NFKC (full-width to ASCII), lower case, single spaces, cut, redacted. */
export function normalizeQuery(query: string): string {
  return redact([...query.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()].slice(0, LIMITS.query).join(""));
}

/** A comment or 没找到 text as stored: trimmed, cut to the limit, redacted. */
export function cleanText(value: string): string {
  return redact([...value.trim()].slice(0, LIMITS.comment).join(""));
}

/** Whether the request asks not to be tracked: search logging is off for it (votes and 没找到 are sent on purpose). */
export const optsOut = (req: http.IncomingMessage) => req.headers.dnt === "1" || req.headers["sec-gpc"] === "1";

export type IngestDeps = { config: CollectorConfig; catalog: ServedCatalog; batcher: Batcher; visitors: VisitorKeys; log: (line: string) => void };

/**
 * `POST /api/events`: checks a request of events and answers only once they are committed.
 * Refusals change nothing: 403 foreign Origin, 415 not JSON, 413 over 8 KB, 400 broken JSON, an
 * unknown field or a page or question the current build does not have (with the index of the
 * event), 429 over a per-visitor limit, 503 when the writer is behind or the database is down.
 */
export function createIngest({ config, catalog, batcher, visitors, log }: IngestDeps) {
  const limits = new VisitorLimits(config);
  const allowed = new Set(config.origins);

  function checkOrigin(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    if (req.headers["sec-fetch-site"] === "cross-site") throw new HttpError(403, "events are accepted from the site's own pages only");
    if (origin === undefined) return; // not a browser (curl, the benchmark): nothing to check
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new HttpError(403, "events are accepted from the site's own pages only");
    }
    if (host !== req.headers.host && !allowed.has(origin)) throw new HttpError(403, "events are accepted from the site's own pages only");
  }

  function parse(body: unknown): StoredEvent[] {
    const outer = BodySchema.safeParse(body);
    if (!outer.success) throw new HttpError(400, `expected {"events": [1 to ${LIMITS.eventsPerRequest} events]} and nothing else`);
    return outer.data.events.map((raw, index) => {
      const parsed = EventSchema.safeParse(raw);
      if (!parsed.success) throw new HttpError(400, `event ${index}: ${parsed.error.issues[0]?.message ?? "invalid"} at ${parsed.error.issues[0]?.path.join(".") || "the event"}`, {}, { index });
      const e = parsed.data;
      switch (e.type) {
        case "vote": {
          if (!catalog.has(e.page, e.question)) throw new HttpError(400, `event ${index}: the site has no question ${e.page}#${e.question}`, {}, { index });
          const reason = e.reason ? reasonCodes.indexOf(e.reason) : null;
          const comment = e.comment ? cleanText(e.comment) || null : null;
          return { type: "vote", vote: e.vote, seq: e.seq, page: e.page, question: e.question, helpful: e.helpful, reason: e.helpful ? null : reason, comment: e.helpful ? null : comment };
        }
        case "search":
          return { type: "search", id: e.id, query: normalizeQuery(e.query), results: e.results, position: e.position ?? null };
        case "click":
          return e;
        case "notfound":
          return { type: "notfound", id: e.id, query: normalizeQuery(e.query), text: cleanText(e.text) };
      }
    });
  }

  return async function ingest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      checkOrigin(req);
      const body = await readJson(req, LIMITS.bodyBytes);
      if (!catalog.current()) throw new HttpError(503, "the site is being built; try again in a moment", { "Retry-After": "10" });
      let parsed = parse(body);
      const ts = Date.now();
      const day = dayOf(ts);
      const visitor = await visitors.key(day, clientAddress(req, config.trustProxy), String(req.headers["user-agent"] ?? ""));
      limits.admit(visitor.toString("hex"), parsed, ts);
      const logged = parsed.length;
      if (optsOut(req)) parsed = parsed.filter((e) => e.type !== "search" && e.type !== "click");
      if (parsed.length) await batcher.submit({ ts, day, visitor, events: parsed } satisfies Received);
      sendJson(res, 200, { accepted: logged, stored: parsed.length });
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error);
      if (error instanceof Overloaded) return sendError(res, new HttpError(503, "busy: try again in a moment", { "Retry-After": "2" }));
      // The database failed (down, disk full): nothing was acknowledged, the client keeps its events.
      log(`✗ collector: could not store events: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, new HttpError(503, "cannot store events right now; try again later", { "Retry-After": "30" }));
    }
  };
}
