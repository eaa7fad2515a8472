import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixture, runScript } from "./run";

const temps: string[] = [];
/** A scratch project folder with a previous build in `out/`. */
function projectWithPreviousBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-build-"));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, "out"));
  fs.writeFileSync(path.join(dir, "out", "index.html"), "previous site");
  return dir;
}
afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("npm run check", () => {
  it("prints every content error as path:line: message and exits 1", () => {
    const { status, stderr } = runScript("check.ts", [], { env: { CONTENT_DIR: fixture("content-broken") } });
    expect(status).toBe(1);
    expect(stderr).toMatch(/content-broken\/acct\/broken\.md:3: error: front matter "order"/);
    expect(stderr).toMatch(/content-broken\/acct\/broken\.md:10: error: anchor id "dup" is used twice on this page \(first at line 6\)/);
  });

  it("passes on the site's content", () => {
    expect(runScript("check.ts", []).status).toBe(0);
  });
});

describe("npm run build", () => {
  it("stops on content errors before touching out/", () => {
    const cwd = projectWithPreviousBuild();
    const { status, stderr } = runScript("build.ts", [], { cwd, env: { CONTENT_DIR: fixture("content-broken") } });
    expect(status).toBe(1);
    expect(stderr).toContain("out/ was not touched");
    expect(fs.readFileSync(path.join(cwd, "out", "index.html"), "utf8")).toBe("previous site");
  });

  it("puts the previous out/ back when next build fails", () => {
    const cwd = projectWithPreviousBuild(); // no Next.js app here, so `next build` fails
    const { status, stderr } = runScript("build.ts", [], { cwd, env: { CONTENT_DIR: fixture("content-basic") } });
    expect(status).toBe(1);
    expect(stderr).toContain("previous out/ is unchanged");
    expect(fs.readFileSync(path.join(cwd, "out", "index.html"), "utf8")).toBe("previous site");
    expect(fs.existsSync(path.join(cwd, "out.previous"))).toBe(false);
  });
});
