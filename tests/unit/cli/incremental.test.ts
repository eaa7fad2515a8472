import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildRecord } from "../../../scripts/lib/incremental";
import { scratchProject } from "../../../scripts/lib/scratch-project";
import { fixture } from "./run";

// The incremental build against clean builds, byte for byte. Two scratch copies of the project
// read one content folder: `inc` builds incrementally after each change, `clean` builds the same
// inputs with `--clean` (every page rendered, nothing taken from a previous build). After every
// change both out/ folders must hold the same files with the same bytes, and `inc` must have
// rendered only the pages the change shows in.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const BUILD_TIMEOUT = 240_000;

let inc: string, clean: string, content: string;
const env: Record<string, string> = {};

beforeAll(() => {
  inc = scratchProject(ROOT);
  clean = scratchProject(ROOT);
  // Beside the two projects, so both name it by the same relative path (it is in the build stamp).
  content = fs.mkdtempSync(path.join(ROOT, ".bench-build", "content-"));
  fs.cpSync(fixture("content-incremental"), content, { recursive: true });
});
afterAll(() => {
  for (const dir of [inc, clean, content]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function build(project: string, ...args: string[]): BuildRecord {
  const result = spawnSync(TSX, ["scripts/build.ts", ...args], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SITE_URL: "", SITE_NAME: "", CONTENT_DIR: content, ...env },
    timeout: BUILD_TIMEOUT,
  });
  if (result.status !== 0) throw new Error(`build in ${project} failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  return JSON.parse(fs.readFileSync(path.join(project, ".next", "cache", "faq-build.json"), "utf8")) as BuildRecord;
}

/** Every file and folder of a built out/, with its bytes. */
function snapshot(project: string): Map<string, Buffer | "dir"> {
  const out = path.join(project, "out");
  const entries = (fs.readdirSync(out, { recursive: true }) as string[]).sort();
  return new Map(entries.map((e) => [e, fs.statSync(path.join(out, e)).isDirectory() ? "dir" : fs.readFileSync(path.join(out, e))]));
}

/** The paths whose content differs (or exists on one side only): empty when the two builds are the same. */
function differences(a: Map<string, Buffer | "dir">, b: Map<string, Buffer | "dir">): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => {
    const x = a.get(p), y = b.get(p);
    if (x === undefined || y === undefined) return true;
    if (x === "dir" || y === "dir") return x !== y;
    return !x.equals(y);
  });
}

/** Builds `inc` incrementally and `clean` from nothing; their out/ must be identical. Returns what `inc` rendered. */
function buildBoth(): BuildRecord {
  const record = build(inc);
  build(clean, "--clean");
  expect(differences(snapshot(inc), snapshot(clean))).toEqual([]);
  return record;
}

/** `inc` rendered exactly these pages, besides the unchanged ones it renders to check the previous build (one of each kind). */
function expectRendered(record: BuildRecord, changed: string[]): void {
  expect(record.full).toBeNull();
  expect(record.canaries.filter((key) => changed.includes(key))).toEqual([]);
  expect(record.canaries.length).toBeLessThanOrEqual(2);
  expect([...record.rendered].sort()).toEqual([...changed, ...record.canaries].sort());
}

const ALL = ["guides", "guides/start", "guides/old", "account", "account/real-name", "account/login", "billing", "billing/invoice", "billing/refund"];

const edit = (file: string, change: (text: string) => string) => {
  const abs = path.join(content, file);
  const before = fs.readFileSync(abs, "utf8");
  const after = change(before);
  expect(after, `the edit of ${file} changes it`).not.toBe(before);
  fs.writeFileSync(abs, after);
};
const editCode = (file: string, change: (text: string) => string) => {
  for (const project of [inc, clean]) fs.writeFileSync(path.join(project, file), change(fs.readFileSync(path.join(project, file), "utf8")));
};
const builtPage = (key: string) => fs.readFileSync(path.join(inc, "out", key, "index.html"), "utf8");

describe("incremental build", { timeout: 4 * BUILD_TIMEOUT }, () => {
  it("two clean builds in two folders write the same files", () => {
    const first = build(inc);
    build(clean);
    expect(first.full).toBe("no previous build to reuse");
    expect([...first.rendered].sort()).toEqual([...ALL].sort());
    expect(differences(snapshot(inc), snapshot(clean))).toEqual([]);
  });

  it("renders nothing again when nothing changed, and writes the same site", () => {
    expectRendered(buildBoth(), []);
  });

  it("edits, new, removed and renamed pages re-render those pages and the category pages that list them, and no others", () => {
    edit("billing/refund.md", (t) => t.replace("在控制台申请", "在费用中心申请")); // an answer: its page only
    edit("billing/invoice.md", (t) => t.replace("title: 发票", "title: 发票与收据")); // a title: its category page too
    fs.writeFileSync(path.join(content, "guides", "limits.md"), "### 有哪些使用限制？\n\n每个账号最多 10 台实例。\n");
    fs.rmSync(path.join(content, "guides", "old.md"));
    fs.renameSync(path.join(content, "account", "login.md"), path.join(content, "account", "sign-in.md"));
    expectRendered(buildBoth(), ["billing/refund", "billing", "billing/invoice", "guides", "guides/limits", "account", "account/sign-in"]);
    expect(builtPage("billing/refund")).toContain("在费用中心申请");
    expect(builtPage("billing")).toContain("发票与收据");
    for (const gone of ["guides/old", "account/login"]) expect(fs.existsSync(path.join(inc, "out", gone))).toBe(false);
  });

  it("a renamed category moves its pages, and the pages linking to them follow", () => {
    fs.renameSync(path.join(content, "account"), path.join(content, "identity"));
    // billing/invoice links to account/real-name by its docId (the link follows by itself); billing/refund by its URL.
    edit("billing/refund.md", (t) => t.replace("/account/real-name/#face", "/identity/real-name/#face"));
    edit("guides/_category.yml", (t) => t.replace("title: 新手入门", "title: 入门"));
    expectRendered(buildBoth(), ["identity", "identity/real-name", "identity/sign-in", "billing/invoice", "billing/refund", "guides", "guides/start", "guides/limits"]);
    expect(builtPage("billing/invoice")).toContain('href="/identity/real-name/"');
    expect(fs.existsSync(path.join(inc, "out", "account"))).toBe(false);
  });

  it("a change to what every page shows (the popular questions in the search box) re-renders every page", () => {
    edit("guides/start.md", (t) => t.replace("featured: [signup, verify, buy, console]", "featured: [buy, console, signup, verify]"));
    expectRendered(buildBoth(), ["guides", "guides/start", "guides/limits", "identity", "identity/real-name", "identity/sign-in", "billing", "billing/invoice", "billing/refund"]);
  });

  it("a layout change (CSS, a component) renders everything", () => {
    editCode("src/app/globals.css", (css) => `${css}\n.site-footer { letter-spacing: 0.01em; }\n`);
    editCode("src/components/breadcrumbs.tsx", (tsx) => tsx.replace('aria-label="面包屑"', 'aria-label="页面位置"'));
    expect(buildBoth().full).toBe("the code, packages or settings changed");
    expect(builtPage("guides/limits")).toContain('aria-label="页面位置"');
  });

  it("a configuration change (SITE_NAME) renders everything", () => {
    env.SITE_NAME = "测试帮助中心";
    expect(buildBoth().full).toBe("the code, packages or settings changed");
    expect(builtPage("")).toContain("测试帮助中心");
  });
});
