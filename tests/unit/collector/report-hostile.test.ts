import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dayOf } from "@/collector/day";
import { openStore } from "@/collector/store/open";
import { EventWriter, type StoredEvent } from "@/collector/store/write";
import { runScript } from "../cli/run";
import { PAGE, scratchSite } from "./site";

// A real SQLite file and the report script in a process of its own: caps for a slow, shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// What a visitor can put in a query, comment or 没找到 text, stored as it was: rows written before
// ingest stripped control characters (or by any other code) must not reach the writer's terminal.
const TITLE = "实名\u001b]0;PWNED\u0007\u001b[1A\u001b[2K伪造行";
const HIDDEN = "\u001b[8m隐藏";
const NUL = "a\u0000b";
const BIDI = "\u202eevil\u2066x\u2069";
const C1 = "\u009b31m红";
const COMMENT = "看不懂\r\u001b[2K第二行\n第三行";
const FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1)", "\tx", "\rx", "＝1+1"];

/** RFC 4180 as the report writes it: quoted cells may hold commas, "" and line feeds. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const match of text.matchAll(/((?:"(?:[^"]|"")*"|[^,\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\n]*))*)\n/g)) {
    rows.push([...match[1].matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])));
  }
  return rows;
}

/** Any character a terminal could act on or that shows nothing, except line feeds (the report's own layout). */
const INVISIBLE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe("the report of hostile input", () => {
  let site: ReturnType<typeof scratchSite>;
  let dataDir: string;
  beforeAll(async () => {
    site = scratchSite();
    dataDir = path.join(site.root, "data");
    const store = await openStore({ dialect: "sqlite", file: path.join(dataDir, "collector.sqlite") });
    const search = (query: string): StoredEvent => ({ type: "search", id: randomUUID(), query, results: 0, position: null });
    const events: StoredEvent[] = [
      ...[TITLE, HIDDEN, NUL, BIDI, C1, ...FORMULAS].map(search),
      { type: "notfound", id: randomUUID(), query: TITLE, text: `想找${HIDDEN}` },
      { type: "vote", vote: randomUUID(), seq: 1, page: PAGE, question: "faceiderr", helpful: false, reason: 2, comment: COMMENT },
    ];
    await new EventWriter(store.db).write([{ ts: Date.now(), day: dayOf(Date.now()), visitor: Buffer.alloc(8, 1), events }]);
    await store.close();
  });
  afterAll(() => site?.cleanup());
  const report = (args: string[]) => runScript("report.ts", args, { cwd: site.root, env: { DATA_DIR: dataDir, DATABASE_URL: "", SITE_URL: "https://help.example.com" } });

  it("prints no control or invisible character a visitor typed, each shown as its escape instead", () => {
    const { status, stdout, stderr } = report([]);
    expect(status, stderr).toBe(0);
    expect(stdout).not.toMatch(INVISIBLE);
    for (const shown of ["实名\\x1b]0;PWNED\\x07\\x1b[1A\\x1b[2K伪造行", "\\x1b[8m隐藏", "a\\x00b", "\\u202eevil\\u2066x\\u2069", "\\x9b31m红", "看不懂\\x0d\\x1b[2K第二行\\x0a第三行"]) expect(stdout).toContain(shown);
  });

  it("--json escapes them too, and still holds exactly what was stored", () => {
    const { status, stdout, stderr } = report(["--json"]);
    expect(status, stderr).toBe(0);
    expect(stdout).not.toMatch(INVISIBLE);
    const json = JSON.parse(stdout);
    expect(json.searches.map((s: { query: string }) => s.query)).toEqual(expect.arrayContaining([TITLE, HIDDEN, NUL, BIDI, C1]));
    expect(json.questions[0].comments).toEqual([COMMENT]);
  });

  it("--export jsonl escapes them too, each line still holding what was stored", () => {
    const { status, stdout, stderr } = report(["--export", "jsonl"]);
    expect(status, stderr).toBe(0);
    expect(stdout).not.toMatch(INVISIBLE);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.type === "search").map((l) => l.query)).toEqual(expect.arrayContaining([TITLE, HIDDEN, NUL, BIDI, C1]));
  });

  it("--csv starts no cell with a formula, keeps numbers numbers, and prints nothing a terminal obeys", () => {
    const { status, stdout, stderr } = report(["--csv"]);
    expect(status, stderr).toBe(0);
    expect(stdout).not.toMatch(INVISIBLE);
    const rows = parseCsv(stdout);
    const queries = rows.filter((r) => r[0] === "zero-result").map((r) => r[1]);
    expect(queries).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil","x")`, "'+1+1", "'-2+3", "'@SUM(1)", "\\x09x", "\\x0dx", "'＝1+1"]));
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // The numeric columns of a search row: searches, clicks, ctr, position (none), zero-result searches.
    const formula = rows.find((r) => r[1].startsWith("'=HYPERLINK"))!;
    expect(formula.slice(4, 9)).toEqual(["1", "0", "0", "", "1"]);
    const question = rows.find((r) => r[0] === "question")!;
    expect(JSON.parse(question[14])).toEqual([COMMENT]); // as JSON, its escapes already safe: the same value
  });
});
