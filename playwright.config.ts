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
    // SITE_URL unset whatever the shell has: the tests check the local build (no canonical links, no sitemap).
    env: { PORT: String(PORT), SITE_URL: "" },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
