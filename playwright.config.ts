import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);

/**
 * Browser tests run against the built static site, served by the same server as `npm start`.
 * Debian's Chromium is used; Playwright never downloads a browser here.
 *
 * The server is always started for the run, never reused: a server already on the port may serve
 * another checkout or an older build, and tests passing against it would prove nothing. (A port in
 * use fails the run; set E2E_PORT.) TEST_E2E_DIR and TEST_E2E_SERVER let the runner's own tests
 * (tests/unit/test-runner.test.ts) run fixture specs through this same config.
 */
export default defineConfig({
  testDir: process.env.TEST_E2E_DIR || "tests/e2e",
  outputDir: process.env.TEST_REPORTS ? `${process.env.TEST_REPORTS}/test-results` : "test-results",
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PW_JSON ? [["list"], ["json", { outputFile: process.env.PW_JSON }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: process.env.TEST_E2E_SERVER || `npx tsx scripts/start.ts`,
    // The collector stores into a scratch SQLite (never the project's data/), with the report on
    // (the token is tests/e2e/fixtures.ts ADMIN_TOKEN) and per-visitor limits out of the way of a
    // suite whose every test is the same visitor (the limits have their own tests). SITE_URL unset
    // whatever the shell has: the tests check the local build (no canonical links, no sitemap).
    env: {
      PORT: String(PORT),
      SITE_URL: "",
      DATABASE_URL: "",
      DATA_DIR: (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "faq-e2e-collector-"))), // once: workers inherit it
      ADMIN_TOKEN: "e2e-admin-token-not-secret",
      COLLECTOR_VOTES_PER_MINUTE: "100000",
      COLLECTOR_EVENTS_PER_MINUTE: "100000",
    },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
