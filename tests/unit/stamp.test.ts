import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import esbuild from "esbuild";
import { buildStamp, codeFingerprint, codeInputs } from "../../scripts/lib/stamp";

describe("build stamp (npm start rebuilds when it changes)", () => {
  it("changes with the build's inputs, not with what the build writes into public/assets/", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
    fs.mkdirSync(path.join(root, "public", "assets"), { recursive: true });
    fs.writeFileSync(path.join(root, "public", "favicon.svg"), "<svg/>");
    const before = buildStamp(root);
    fs.writeFileSync(path.join(root, "public", "assets", "app-ABC.js"), "bundled");
    expect(buildStamp(root)).toBe(before);
    fs.writeFileSync(path.join(root, "public", "favicon.svg"), "<svg></svg>");
    expect(buildStamp(root)).not.toBe(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe("code fingerprint (an incremental build renders every page when it changes)", () => {
  it("changes with the code and the settings, not with the content or the bundled browser code", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "fingerprint-"));
    fs.mkdirSync(path.join(root, "src", "app"), { recursive: true });
    fs.mkdirSync(path.join(root, "public", "assets"), { recursive: true });
    fs.mkdirSync(path.join(root, "content"), { recursive: true });
    fs.writeFileSync(path.join(root, "src", "app", "globals.css"), "a { color: red; }");
    const before = codeFingerprint(root);
    fs.writeFileSync(path.join(root, "content", "page.md"), "### 问题？\n答案。");
    fs.writeFileSync(path.join(root, "public", "assets", "app-ABC.js"), "bundled");
    expect(codeFingerprint(root)).toBe(before);
    fs.writeFileSync(path.join(root, "src", "app", "globals.css"), "a { color: blue; }");
    const edited = codeFingerprint(root);
    expect(edited).not.toBe(before);
    const name = process.env.SITE_NAME;
    process.env.SITE_NAME = "另一个名字";
    try {
      expect(codeFingerprint(root)).not.toBe(edited);
    } finally {
      if (name === undefined) delete process.env.SITE_NAME;
      else process.env.SITE_NAME = name;
    }
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe("what the code fingerprint leaves out", () => {
  it("hashes every file that the build, its parse threads, the page script, the search worker and the routes import", async () => {
    const routes = fs.readdirSync("src/app", { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join("src/app", f));
    const entries = ["scripts/build.ts", "scripts/lib/parse-worker.ts", "src/client/main.ts", "src/search/worker.ts", "next.config.ts", ...routes];
    const { metafile } = await esbuild.build({ entryPoints: entries, bundle: true, platform: "node", format: "esm", packages: "external", metafile: true, write: false, outdir: "unused", logLevel: "silent", loader: { ".css": "empty" } });
    const imported = Object.keys(metafile.inputs).filter((f) => !f.includes("node_modules"));
    const hashed = new Set(codeInputs());
    expect(imported.length).toBeGreaterThan(50);
    expect(imported.filter((f) => !hashed.has(f))).toEqual([]);
  });

  it("leaves out the server and the collector, which are no part of the pages", () => {
    const hashed = codeInputs();
    expect(hashed).toContain("src/server/build-dirs.ts"); // the build writes into build folders
    expect(hashed).toContain("src/collector/protocol.ts"); // bundled into the page script
    expect(hashed).not.toContain("src/server/static-site.ts");
    expect(hashed).not.toContain("src/collector/ingest.ts");
    expect(hashed).not.toContain("scripts/start.ts");
  });
});
