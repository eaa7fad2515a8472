import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStamp, codeFingerprint } from "../../scripts/lib/stamp";

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
