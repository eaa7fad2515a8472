import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REDACTED } from "@/collector/redact";
import { openStore, type OpenStore, type StoreLocation } from "@/collector/store/open";
import { runScript } from "../cli/run";
import { describeEachStore, type Scratch } from "./databases";
import { events, MORE_QUESTIONS, PAGE, scratchSite, send, serveCollector, type Served } from "./site";

// Real servers and databases in other processes: caps for a slow, shared machine, not measurements.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const TOKEN = "test-admin-token-0123456789";
const envOf = (location: StoreLocation): Record<string, string> => (location.dialect === "sqlite" ? { DATA_DIR: path.dirname(location.file) } : { DATABASE_URL: location.url });
const vote = (overrides: object = {}) => ({ type: "vote", vote: randomUUID(), seq: 1, page: PAGE, question: "faceiderr", helpful: true, ...overrides });
const search = (overrides: object = {}) => ({ type: "search", id: randomUUID(), query: "实名认证", results: 3, position: null, ...overrides });
const count = async (store: OpenStore, table: "searches" | "votes" | "notfound") => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describeEachStore("POST /api/events", (makeScratch) => {
  let site: ReturnType<typeof scratchSite>;
  let scratch: Scratch;
  let server: Served;
  let store: OpenStore;
  let api: string;
  beforeAll(async () => {
    site = scratchSite();
    scratch = await makeScratch();
    server = await serveCollector(site.out, { ...envOf(scratch.location), TRUST_PROXY: "1" });
    api = `${server.url}/api/events`;
    store = await openStore(scratch.location);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    await scratch?.drop();
    site?.cleanup();
  });
  let visitor = 0;
  /** A request from a visitor of its own (TRUST_PROXY=1: the address is the X-Forwarded-For entry). */
  const post = (body: string | Buffer, headers: Record<string, string> = {}, from = `192.0.2.${++visitor % 250}, 10.9.${visitor >> 8}.${visitor & 255}`) => send(api, { body, headers: { "x-forwarded-for": from, ...headers } });

  it("acknowledges events once they are stored, redacted", async () => {
    const id = randomUUID();
    const reply = await post(events(search({ id, query: "  我的手机 13812345678  " }), vote({ helpful: false, reason: "outdated", comment: "邮箱 a@b.cn 联系我" }), { type: "notfound", id: randomUUID(), query: "境外", text: "身份证 11010519491231002X" }));
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ accepted: 3, stored: 3 });
    const row = await store.db.selectFrom("searches").innerJoin("queries", "queries.id", "searches.query_id").select("queries.text").where("event_id", "=", id).executeTakeFirstOrThrow();
    expect(row.text).toBe(`我的手机 ${REDACTED.mobile}`);
    expect((await store.db.selectFrom("votes").select("comment").executeTakeFirstOrThrow()).comment).toBe(`邮箱 ${REDACTED.email} 联系我`);
    expect((await store.db.selectFrom("notfound").select("text").executeTakeFirstOrThrow()).text).toBe(`身份证 ${REDACTED.idCard}`);
  });

  it("stores a lone UTF-16 surrogate in any text as U+FFFD, with 200, never a 503", async () => {
    const id = randomUUID();
    const comment = `半个表情\uD83D ${id}`;
    const reply = await post(events(search({ id, query: "\uD800abc" }), vote({ helpful: false, comment }), { type: "notfound", id: randomUUID(), query: "\uDC00境外", text: `想找\uDE00 ${id} 😀` }));
    expect(reply.status, reply.body).toBe(200);
    const query = await store.db.selectFrom("searches").innerJoin("queries", "queries.id", "searches.query_id").select("queries.text").where("event_id", "=", id).executeTakeFirstOrThrow();
    expect(query.text).toBe("\uFFFDabc");
    expect((await store.db.selectFrom("votes").select("comment").where("comment", "like", `%${id}`).executeTakeFirstOrThrow()).comment).toBe(`半个表情\uFFFD ${id}`);
    const notfound = await store.db.selectFrom("notfound").innerJoin("queries", "queries.id", "notfound.query_id").select(["queries.text as query", "notfound.text"]).where("notfound.text", "like", `%${id}%`).executeTakeFirstOrThrow();
    expect(notfound).toEqual({ query: "\uFFFD境外", text: `想找\uFFFD ${id} 😀` });
    expect(server.log()).not.toMatch(/✗/);
  });

  it("removes C0 and C1 control characters from every stored text, keeping tabs and lines", async () => {
    const id = randomUUID();
    const reply = await post(
      events(
        search({ id, query: "实名\u001b]0;PWNED\u0007\u001b[1A\u001b[2K伪造行\u0000" }),
        vote({ helpful: false, reason: "other", comment: `第一行\r\n第二行\u001b[8m隐藏\u0007\u0085\t${id}` }),
        { type: "notfound", id: randomUUID(), query: "境外\u009b", text: `找\u0000不到\r假行 ${id}` },
      ),
    );
    expect(reply.status, reply.body).toBe(200);
    const query = await store.db.selectFrom("searches").innerJoin("queries", "queries.id", "searches.query_id").select("queries.text").where("event_id", "=", id).executeTakeFirstOrThrow();
    expect(query.text).toBe("实名]0;pwned[1a[2k伪造行");
    expect((await store.db.selectFrom("votes").select("comment").where("comment", "like", `%${id}`).executeTakeFirstOrThrow()).comment).toBe(`第一行\n第二行[8m隐藏\t${id}`);
    const notfound = await store.db.selectFrom("notfound").innerJoin("queries", "queries.id", "notfound.query_id").select(["queries.text as query", "notfound.text"]).where("notfound.text", "like", `%${id}`).executeTakeFirstOrThrow();
    expect(notfound).toEqual({ query: "境外", text: `找不到\n假行 ${id}` });
    // A query of nothing but control characters is an empty one.
    const empty = await post(events(search({ query: "\u0007\u0000 \u009b" })));
    expect([empty.status, empty.json().error]).toEqual([400, expect.stringMatching(/event 0.*query is empty/)]);
  });

  it("answers any text a client sends with 200 or 400, never 5xx, and stores it well-formed and free of control characters", async () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0x07, 0x0d, 0x1b, 0x7f, 0x85, 0x9b, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff));
    const anyText = fc.array(unit, { minLength: 1, maxLength: 60 }).map((units) => String.fromCharCode(...units));
    const unstorable = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (query, comment, text) => {
        const [id, voteId, notfoundId] = [randomUUID(), randomUUID(), randomUUID()];
        const reply = await post(events(search({ id, query }), vote({ vote: voteId, helpful: false, comment }), { type: "notfound", id: notfoundId, query, text }));
        expect([200, 400], reply.body).toContain(reply.status);
        if (reply.status !== 200) return;
        const stored = await store.db.selectFrom("searches").innerJoin("queries", "queries.id", "searches.query_id").select("queries.text").where("event_id", "=", id).executeTakeFirstOrThrow();
        expect(stored.text).not.toMatch(unstorable);
        // The comment and the 没找到 text too.
        const comments = await store.db.selectFrom("votes").select("comment").where("vote_id", "=", voteId).execute();
        expect(comments).toHaveLength(1);
        expect(comments[0].comment ?? "").not.toMatch(unstorable);
        const notfound = await store.db.selectFrom("notfound").select("text").where("event_id", "=", notfoundId).executeTakeFirstOrThrow();
        expect(notfound.text).not.toMatch(unstorable);
      }),
      { numRuns: 40 },
    );
    expect(server.log()).not.toMatch(/✗/);
  });

  it("refuses a body over 8 KB with 413, declared or streamed, and stores nothing of it", async () => {
    const before = await count(store, "searches");
    const big = events(...Array.from({ length: 20 }, () => search({ query: "长".repeat(150) })));
    expect(Buffer.byteLength(big)).toBeGreaterThan(8192);
    expect((await post(big)).status).toBe(413);
    expect((await post(big, { "transfer-encoding": "chunked" })).status).toBe(413);
    expect(await count(store, "searches")).toBe(before);
  });

  it("refuses broken JSON, unknown fields, wrong types and ids the build does not have with 400, naming the event", async () => {
    const before = [await count(store, "searches"), await count(store, "votes")];
    const cases: [string, RegExp][] = [
      ["{\"events\": [", /not valid JSON/],
      [JSON.stringify({ events: [search()], extra: 1 }), /nothing else/],
      [events(search({ tracking: "me" })), /event 0/],
      [events(search(), search({ results: "many" })), /event 1/],
      [events(search({ id: "not-a-uuid" })), /event 0/],
      [events(vote({ question: "no-such-question" })), /no question \/account\/real-name-auth\/#no-such-question/],
      [events(vote({ page: "/no/such/page/" })), /no question/],
      [events(vote({ reason: "because" })), /event 0/],
      // Meaningless searches would pollute the report: an empty query, a click past the results.
      [events(search({ query: "   " })), /event 0.*query is empty/],
      [events(search({ query: "" })), /event 0/],
      [events(search({ query: "y", results: 1, position: 50 })), /event 0.*past the results/],
      [events(search({ results: 0, position: 1 })), /event 0/],
      [events(...Array.from({ length: 21 }, () => search())), /1 to 20 events/],
      [JSON.stringify([search()]), /events/],
    ];
    for (const [body, message] of cases) {
      const reply = await post(body);
      expect(reply.status, body.slice(0, 80)).toBe(400);
      expect(reply.json().error).toMatch(message);
    }
    expect((await post(events(search(), vote({ question: "nope" })))).json().index).toBe(1);
    expect((await post("{}", { "content-type": "text/plain" })).status).toBe(415);
    expect([await count(store, "searches"), await count(store, "votes")]).toEqual(before);
  });

  it("refuses a foreign Origin with 403 and takes the site's own", async () => {
    expect((await post(events(search()), { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(events(search()), { origin: "null" })).status).toBe(403);
    expect((await post(events(search()), { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post(events(search()), { origin: server.url })).status).toBe(200);
  });

  it("limits votes per visitor to 10 questions a minute and events to 120 (429 with Retry-After), other visitors unaffected", async () => {
    const from = "198.51.100.20";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(events(vote({ question: MORE_QUESTIONS[i] })), {}, from)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await post(events(vote()), {}, from);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await post(events(vote()), {}, "198.51.100.21")).status).toBe(200);
    const busy = "198.51.100.22";
    let accepted = 0;
    for (let i = 0; i < 8; i++) if ((await post(events(...Array.from({ length: 20 }, () => search())), {}, busy)).status === 200) accepted += 20;
    expect(accepted).toBe(120);
  });

  it("counts the steps of a vote (its reason, its comment) once: a reader giving full feedback on 10 answers is never limited", async () => {
    const from = "198.51.100.40";
    const comment = `细心的读者 ${randomUUID()}`;
    const steps = (question: string) => {
      const id = randomUUID();
      const no = { vote: id, question, helpful: false };
      return [vote({ ...no, seq: 1 }), vote({ ...no, seq: 2, reason: "unclear" }), vote({ ...no, seq: 3, reason: "unclear", comment })];
    };
    for (const question of MORE_QUESTIONS.slice(0, 9)) for (const step of steps(question)) expect((await post(events(step), {}, from)).status).toBe(200);
    expect((await post(events(...steps(MORE_QUESTIONS[9])), {}, from)).status).toBe(200); // sent together after a pause: one vote too
    expect((await post(events(vote({ question: MORE_QUESTIONS[0], helpful: true, seq: 4 })), {}, from)).status).toBe(200); // a change of mind, under a new id
    const stored = await store.db.selectFrom("votes").select((eb) => eb.fn.countAll<number>().as("n")).where("comment", "=", comment).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(9); // all ten, less the first: now 有帮助, which has no comment
    const flood = await post(events(vote({ question: MORE_QUESTIONS[10] })), {}, from);
    expect(flood.status).toBe(429); // an eleventh question within the minute is still one too many
  });

  it("charges a refused request to no limit: votes refused for their limit leave the visitor's events untouched", async () => {
    const from = "198.51.100.30";
    for (let i = 0; i < 10; i++) expect((await post(events(vote({ question: MORE_QUESTIONS[i] })), {}, from)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await post(events(vote({ question: MORE_QUESTIONS[10] })), {}, from)).status).toBe(429);
    // 10 events taken so far: 110 more fit in the 120 (the refused 30 would have left only 80).
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(events(...Array.from({ length: 20 }, () => search())), {}, from)).status);
    expect(statuses).toEqual(Array(5).fill(200));
  });

  it("counts 1,000 identical votes replayed from one client at most once, and keeps answering", async () => {
    const body = events(vote({ question: "other", helpful: false, vote: randomUUID() }));
    const before = await count(store, "votes");
    const from = "203.0.113.77";
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 50) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => post(body, {}, from)));
      for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].every((s) => s === 200 || s === 429)).toBe(true);
    expect(await count(store, "votes")).toBe(before + 1);
    const started = Date.now();
    expect((await post(events(search()))).status).toBe(200);
    expect((await send(`${server.url}/`, { method: "GET" })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000); // not a timing test: a hung server would wait forever
  });

  it("turns search logging off for DNT: 1 and Sec-GPC: 1, but keeps votes, which readers send on purpose", async () => {
    const before = [await count(store, "searches"), await count(store, "votes")];
    for (const header of [{ dnt: "1" }, { "sec-gpc": "1" }] as Record<string, string>[]) {
      const reply = await post(events(search(), { type: "click", search: randomUUID(), position: 1 }, vote()), header);
      expect(reply.json()).toEqual({ accepted: 3, stored: 1 });
    }
    expect([await count(store, "searches"), await count(store, "votes")]).toEqual([before[0], before[1] + 2]);
  });

  it("answers other methods with 405 and is still alive after all of this", async () => {
    const reply = await send(api, { method: "GET" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("POST");
    expect(server.child.exitCode).toBeNull();
  });
});

describeEachStore("the collector and its database", (makeScratch) => {
  let site: ReturnType<typeof scratchSite>;
  beforeAll(() => void (site = scratchSite()));
  afterAll(() => site?.cleanup());

  it("loses no acknowledged event when the server is killed with SIGKILL", async () => {
    const scratch = await makeScratch();
    try {
      let server = await serveCollector(site.out, { ...envOf(scratch.location), TRUST_PROXY: "1" });
      const acknowledged: string[] = [];
      let n = 0;
      const sender = async () => {
        for (;;) {
          const id = randomUUID();
          const reply = await send(`${server.url}/api/events`, { body: events(search({ id })), headers: { "x-forwarded-for": `10.1.${n >> 8}.${n++ & 255}` } }).catch(() => null);
          if (!reply) return;
          if (reply.status === 200) acknowledged.push(id);
        }
      };
      const senders = Array.from({ length: 8 }, sender);
      while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
      await server.kill(); // mid-stream: requests in flight are cut
      await Promise.all(senders);
      server = await serveCollector(site.out, envOf(scratch.location), server.port);
      const store = await openStore(scratch.location);
      const stored = new Set((await store.db.selectFrom("searches").select("event_id").execute()).map((r) => r.event_id));
      await store.close();
      await server.stop();
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it("turns a burst beyond what it can hold away with 503 and Retry-After, and stores every event it acknowledged", async () => {
    const scratch = await makeScratch();
    const server = await serveCollector(site.out, { ...envOf(scratch.location), TRUST_PROXY: "1", COLLECTOR_MAX_PENDING: "40" });
    try {
      const ids: string[][] = Array.from({ length: 200 }, () => Array.from({ length: 20 }, () => randomUUID()));
      const replies = await Promise.all(ids.map((batch, i) => send(`${server.url}/api/events`, { body: events(...batch.map((id) => search({ id }))), headers: { "x-forwarded-for": `10.2.0.${i}` } })));
      const statuses = new Set(replies.map((r) => r.status));
      expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses.has(503)).toBe(true);
      expect(replies.find((r) => r.status === 503)!.headers["retry-after"]).toBeDefined();
      const acknowledged = ids.filter((_, i) => replies[i].status === 200).flat();
      const store = await openStore(scratch.location);
      const stored = new Set((await store.db.selectFrom("searches").select("event_id").execute()).map((r) => r.event_id));
      await store.close();
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.every((id) => stored.has(id))).toBe(true);
      expect(stored.size).toBe(acknowledged.length); // refused ones are not stored
    } finally {
      await server.stop();
      await scratch.drop();
    }
  });
});

describe("the collector without its database", () => {
  it("serves the site while the database is unreachable, and answers events with 503", async () => {
    const site = scratchSite();
    const server = await serveCollector(site.out, { DATABASE_URL: "postgres://nobody:x@127.0.0.1:9/none", COLLECTOR_REOPEN_MS: "60000" });
    try {
      expect((await send(`${server.url}/account/real-name-auth/`, { method: "GET" })).status).toBe(200);
      const reply = await send(`${server.url}/api/events`, { body: events(search()) });
      expect(reply.status).toBe(503);
      expect(reply.headers["retry-after"]).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.log()).toMatch(/✗ collector: cannot open the database .*trying again in 60 s, the site is served meanwhile/);
    } finally {
      await server.stop();
      site.cleanup();
    }
  });
});

describe("the report", () => {
  let site: ReturnType<typeof scratchSite>;
  let dataDir: string;
  beforeAll(async () => {
    site = scratchSite();
    dataDir = path.join(site.root, "data");
    const server = await serveCollector(site.out, { DATA_DIR: dataDir, TRUST_PROXY: "1" });
    const post = (from: string, ...list: object[]) => send(`${server.url}/api/events`, { body: events(...list), headers: { "x-forwarded-for": from } });
    const searchId = randomUUID();
    await post("10.3.0.1", search({ id: searchId, query: "实名认证", results: 4 }), { type: "click", search: searchId, position: 2 }, search({ query: "量子", results: 0 }), { type: "notfound", id: randomUUID(), query: "量子", text: "想找量子计算" });
    for (let i = 0; i < 6; i++) await post(`10.3.1.${i}`, vote({ helpful: i === 0, reason: i === 0 ? null : "unclear", comment: i === 1 ? "第二步看不懂" : null }));
    await server.stop();
  });
  afterAll(() => site?.cleanup());
  const report = (args: string[], env: Record<string, string> = {}) => runScript("report.ts", args, { cwd: site.root, env: { DATA_DIR: dataDir, DATABASE_URL: "", SITE_URL: "https://help.example.com", ...env } });

  it("--json holds the searches and questions with their sources and live anchors", () => {
    const { status, stdout, stderr } = report(["--json", "--days", "7"]);
    expect(status, stderr).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.searches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ query: "实名认证", searches: 1, clicks: 1, zeroResults: false, avgClickPosition: 2 }),
        expect.objectContaining({ query: "量子", searches: 1, clicks: 0, zeroResults: true, avgClickPosition: null }),
      ]),
    );
    expect(json.questions).toEqual([
      {
        url: "https://help.example.com/account/real-name-auth/#faceiderr",
        question: "人脸识别失败怎么办？",
        source: "content/account/real-name-auth.md:51",
        helpful: 1,
        notHelpful: 5,
        helpfulShare: 1 / 6,
        worstScore: expect.any(Number),
        reasons: { 步骤缺失或看不懂: 5 },
        comments: ["第二步看不懂"],
      },
    ]);
    expect(json.worst.map((q: { source: string }) => q.source)).toEqual(["content/account/real-name-auth.md:51"]);
    expect(json.notFound).toEqual([expect.objectContaining({ query: "量子", text: "想找量子计算" })]);
    expect(json.daily).toHaveLength(7);
    expect(json.definitions.map((d: { name: string }) => d.name)).toContain("点击率");
  });

  it("prints the report with the source line, the live link and the definitions, and --csv as one table", () => {
    const text = report([]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain("content/account/real-name-auth.md:51  人脸识别失败怎么办？");
    expect(text.stdout).toContain("https://help.example.com/account/real-name-auth/#faceiderr");
    expect(text.stdout).toContain("## 指标定义");
    const csv = report(["--csv"]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^table,query_or_url,/);
    expect(lines.some((l) => l.startsWith("question,https://help.example.com/account/real-name-auth/#faceiderr,"))).toBe(true);
  });

  it("--export jsonl writes every raw event with an event_id", () => {
    const out = path.join(site.root, "events.jsonl");
    const { status, stderr } = report(["--export", "jsonl", "--out", out]);
    expect(status, stderr).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2 + 6 + 1);
    expect(lines.every((l) => typeof l.event_id === "string")).toBe(true);
  });

  it("refuses unknown options with what it takes", () => {
    const { status, stderr } = report(["--days", "zero"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--days must be a whole number/);
  });
});

describe("/admin/ and its API", () => {
  let site: ReturnType<typeof scratchSite>;
  beforeAll(() => void (site = scratchSite()));
  afterAll(() => site?.cleanup());

  it("are off without ADMIN_TOKEN", async () => {
    const server = await serveCollector(site.out, { DATA_DIR: path.join(site.root, "d1") });
    try {
      expect((await send(`${server.url}/admin/`, { method: "GET" })).status).toBe(404);
      expect((await send(`${server.url}/api/admin/report`, { method: "GET", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it("ask for the token, answer the right one, and limit wrong tries", async () => {
    const server = await serveCollector(site.out, { DATA_DIR: path.join(site.root, "d2"), ADMIN_TOKEN: TOKEN });
    try {
      const page = await send(`${server.url}/admin/`, { method: "GET" });
      expect(page.status).toBe(200);
      expect(page.body).toContain('type="password"');
      expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
      expect(page.headers["content-security-policy"]).not.toMatch(/unsafe-inline/);
      expect((await send(`${server.url}/admin/admin.js`, { method: "GET" })).body.length).toBeGreaterThan(1000);
      const reportUrl = `${server.url}/api/admin/report?days=7`;
      const ok = await send(reportUrl, { method: "GET", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.json()).toMatchObject({ days: 7, searches: [], questions: [] });
      expect(ok.headers["cache-control"]).toBe("no-store");
      // Ten wrong tries (a missing token counts) from one address, then 429.
      const wrong = [(await send(reportUrl, { method: "GET" })).status];
      for (let i = 0; i < 10; i++) wrong.push((await send(reportUrl, { method: "GET", headers: { authorization: `Bearer wrong-${i}` } })).status);
      expect(wrong).toEqual([...Array(10).fill(401), 429]);
      expect((await send(reportUrl, { method: "GET", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(429); // locked out for a while, even with the right one
    } finally {
      await server.stop();
    }
  });
});
