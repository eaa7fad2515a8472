import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm test` itself (scripts/test.sh, the two configs and the summary), run on small fixtures in
 * tests/fixtures/runner/: every way a run can go wrong must end in "… N failed" with N ≥ 1 and a
 * non-zero exit, and the controls must stay green.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = "tests/fixtures/runner";

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** This process's environment without Vitest's own variables, which would confuse the Vitest run inside. */
function parentEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  return env;
}

async function runTests(env: Record<string, string>) {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "runner-"));
  const result = spawnSync("bash", ["scripts/test.sh"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...parentEnv(), CI: "", TEST_REPORTS: reports, E2E_PORT: String(await freePort()), ...env },
    timeout: 120_000,
  });
  fs.rmSync(reports, { recursive: true, force: true });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  const counts = /^(\d+) passed, (\d+) failed$/.exec(last);
  return { status: result.status, last, passed: Number(counts?.[1] ?? -1), failed: Number(counts?.[2] ?? -1), output: result.stdout + result.stderr };
}

const unit = (file: string) => ({ TEST_STEPS: "unit", TEST_UNIT_INCLUDE: `${FIXTURES}/unit/${file}` });
const browser = (dir: string, server = `node ${FIXTURES}/server.mjs`) => ({ TEST_STEPS: "browser", TEST_E2E_DIR: `${FIXTURES}/${dir}`, TEST_E2E_SERVER: server });

describe("npm test on runs that went wrong", { timeout: 180_000 }, () => {
  it.each([
    ["a unit test file that throws on import", unit("import-throws.test.ts"), /import-throws\.test\.ts did not run/],
    ["a describe body that throws", unit("describe-throws.test.ts"), /describe-throws\.test\.ts did not run/],
    ["a committed it.only", unit("only.test.ts"), /unit: 0 passed, 1 failed/],
    ["an unhandled error after a passing test", unit("unhandled.test.ts"), /exited 1 although no test failed/],
    ["a unit run that finds no tests", unit("no-such-file.test.ts"), /no tests ran/],
    ["a search engine that crashes on every query", unit("engine-crash.test.ts"), /unit: 0 passed, 2 failed/],
    ["a browser spec that throws on load", browser("e2e-load"), /this spec throws on load/],
    ["a committed test.only in a browser spec", browser("e2e-only"), /browser: 0 passed, 1 failed/],
    ["a browser run that finds no tests", browser("e2e-none"), /No tests found|no tests ran/],
    ["a web server that does not start", browser("e2e-pass", "node -e process.exit(3)"), /webServer/],
  ])("%s: reported as a failure, exit code non-zero", async (_, env, detail) => {
    const run = await runTests(env);
    expect(run.last, run.output).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(detail);
  });

  it("a committed test.only fails the browser run in CI without --forbid-only too", async () => {
    const result = spawnSync("npx", ["playwright", "test"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...parentEnv(), CI: "true", ...browser("e2e-only"), E2E_PORT: String(await freePort()) },
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/not allowed due to the .forbidOnly. option/);
  });
});

describe("the summary names the tests that failed, where CI shows the output's tail", { timeout: 180_000 }, () => {
  const summaryOf = (output: string) => output.slice(output.lastIndexOf("── summary"));
  it.each([
    ["unit", unit("engine-crash.test.ts"), /engine-crash\.test\.ts › negative queries on a crashing engine 域名备案 finds nothing: /],
    ["browser", browser("e2e-fail"), /\[desktop\] .*fail\.spec\.ts:4 › adds wrongly: Error: expect\(received\)\.toBe\(expected\)/],
  ])("%s", async (_, env, named) => {
    const run = await runTests(env);
    expect(run.status).not.toBe(0);
    expect(summaryOf(run.output)).toMatch(named);
  });
});

describe("npm test on runs that went right (the controls)", { timeout: 180_000 }, () => {
  it.each([
    ["a passing unit test", unit("pass.test.ts")],
    ["a passing browser spec", browser("e2e-pass")],
  ])("%s: 0 failed, exit code 0", async (_, env) => {
    const run = await runTests(env);
    expect(run.last, run.output).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(run.status).toBe(0);
  });
});
