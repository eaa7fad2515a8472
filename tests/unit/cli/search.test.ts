import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixture, ROOT, runScript, TSX } from "./run";

describe("npm run search", () => {
  it("prints one JSON array, best first, with question, url, id and score", () => {
    const { status, stdout } = runScript("search.ts", ["--json", "人脸识别失败"]);
    expect(status).toBe(0);
    const results = JSON.parse(stdout);
    expect(results[0]).toEqual({ question: "使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？", url: "/account/real-name-auth/#faceiderr", id: "faceiderr", score: expect.any(Number) });
    expect(results.map((r: { score: number }) => r.score)).toEqual([...results.map((r: { score: number }) => r.score)].sort((a, b) => a - b));
  });

  it("prints [] for an unrelated query", () => {
    expect(runScript("search.ts", ["--json", "云服务器重装系统"]).stdout.trim()).toBe("[]");
  });

  it("--stdin answers one JSON array per line, in order", () => {
    const { stdout } = runScript("search.ts", ["--stdin"], { input: "人脸识别失败\n域名备案\nrlsb\n" });
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((r) => r[0]?.id ?? null)).toEqual(["faceiderr", null, "faceiderr"]);
  });

  it("searches the content named by CONTENT_DIR", () => {
    const { stdout } = runScript("search.ts", ["--json", "开具发票"], { env: { CONTENT_DIR: fixture("content-basic") } });
    expect(JSON.parse(stdout)[0]).toMatchObject({ id: "invoice", url: "/billing/invoice/#invoice" });
  });

  it("ends quietly when its reader stops early (a closed pipe is no crash)", () => {
    // `head -c 1` closes the pipe after one byte; the search goes on printing many lines.
    const result = spawnSync("bash", ["-o", "pipefail", "-c", `"${TSX}" scripts/search.ts --stdin < <(yes 实名认证 | head -2000) | head -c 1`], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).not.toContain("EPIPE");
    expect(result.status).toBe(0);
  });

  it("explains its usage when called without a query", () => {
    const { status, stderr } = runScript("search.ts", []);
    expect(status).toBe(2);
    expect(stderr).toContain("usage");
  });
});
