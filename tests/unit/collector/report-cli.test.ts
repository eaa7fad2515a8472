import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runScript } from "../cli/run";
import { events, PAGE, scratchSite, send, serveCollector, type Served } from "./site";

// Real servers and a real SQLite file, the report script in a process of its own: caps for a slow, shared machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const TOKEN = "test-admin-token-0123456789";
const ANCHOR = `${PAGE}#faceiderr`;

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One ✗ line that says what is wrong, and no stack trace. */
function expectOneLineError(result: { status: number | null; stderr: string }, says: RegExp) {
  expect(result.status).not.toBe(0);
  expect(result.stderr.trim().split("\n")[0]).toMatch(says);
  expect(result.stderr).toMatch(/^✗ /);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe("npm run report, without SITE_URL and at its edges", () => {
  let site: ReturnType<typeof scratchSite>;
  let dataDir: string;
  let server: Served;
  beforeAll(async () => {
    site = scratchSite();
    dataDir = path.join(site.root, "data");
    server = await serveCollector(site.out, { DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, SITE_URL: "" });
    await send(`${server.url}/api/events`, { body: events({ type: "vote", vote: randomUUID(), seq: 1, page: PAGE, question: "faceiderr", helpful: false }) });
  });
  afterAll(async () => {
    await server?.stop();
    site?.cleanup();
  });
  const report = (args: string[], env: Record<string, string> = {}) => runScript("report.ts", args, { cwd: site.root, env: { DATA_DIR: dataDir, DATABASE_URL: "", SITE_URL: "", ADMIN_TOKEN: TOKEN, PORT: "3999", ...env } });

  it("links to site paths from the database, and says SITE_URL is unset, instead of guessing localhost:3000", () => {
    const { status, stdout, stderr } = report(["--json"]);
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout).questions.map((q: { url: string }) => q.url)).toEqual([ANCHOR]);
    expect(stderr).toMatch(/SITE_URL is not set/);
  });

  it("links to the site it read the report from with --url", () => {
    const { status, stdout, stderr } = report(["--json", "--url", server.url]);
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout).questions.map((q: { url: string }) => q.url)).toEqual([`${server.url}${ANCHOR}`]);
    expect(stderr).not.toMatch(/SITE_URL/);
  });

  it("says in one line that nothing answers at --url, without a stack trace", async () => {
    expectOneLineError(report(["--url", `http://127.0.0.1:${await closedPort()}`]), /^✗ nothing answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\): is npm start running there/);
  });

  it("says in one line that ADMIN_TOKEN is wrong, or too short, without a stack trace", () => {
    expectOneLineError(report(["--url", server.url], { ADMIN_TOKEN: "not-the-token-0123456789" }), /^✗ .* refused the token \(401\): set ADMIN_TOKEN/);
    expectOneLineError(report(["--url", server.url], { ADMIN_TOKEN: "wrong" }), /^✗ ADMIN_TOKEN is too short/);
  });

  it("--out writes the report to a file, with nothing of npm's around it (a CSV with a BOM)", () => {
    const file = path.join(site.root, "report.csv");
    const { status, stdout, stderr } = report(["--csv", "--out", file]);
    expect(status, stderr).toBe(0);
    expect(stdout).toBe("");
    // With a BOM, so that Excel and WPS on Chinese Windows read it as UTF-8.
    expect(fs.readFileSync(file, "utf8")).toMatch(/^\uFEFFtable,query_or_url,[^\n]*\nquestion,\/account\/real-name-auth\/#faceiderr,/);
    expect(stderr).toMatch(/written to .*report\.csv/);
  });

  it("says in one line that the database cannot be reached, and which setting to check", () => {
    expectOneLineError(report([], { DATABASE_URL: "postgres://u:p@127.0.0.1:1/none" }), /^✗ cannot open the collector's database: database migrations could not start: .*ECONNREFUSED.*; check DATABASE_URL/);
  });

  it("says in one line that a file for --out cannot be written, for the report and the export", () => {
    expectOneLineError(report(["--csv", "--out", "/nonexistent/report.csv"], { SITE_URL: "https://help.example.com" }), /^✗ cannot write \/nonexistent\/report\.csv: ENOENT/);
    expectOneLineError(report(["--export", "jsonl", "--out", "/nonexistent/events.jsonl"]), /^✗ cannot write \/nonexistent\/events\.jsonl: ENOENT/);
  });

  it("refuses a --url that is not an address, with the usage", () => {
    const result = report(["--url", "localhost:3999"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^✗ --url must be the site's address/);
  });
});
