import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every browser test fails on a console error or an uncaught page error. `collectorDown`: the test
 * makes the collector answer with an error; Chromium itself logs each failed request ("Failed to
 * load resource", not our code, and no script can prevent it), so those lines, for the collector's
 * URL only, are counted in `collectorFailures` instead; every other error still fails the test.
 */
export const test = base.extend<{ pageErrors: string[]; collectorDown: boolean; collectorFailures: string[]; consoleAllows: RegExp[] }>({
  collectorDown: [false, { option: true }],
  /** Console errors a test causes on purpose (a refused request Chromium logs), matched exactly by these. */
  consoleAllows: [[], { option: true }],
  collectorFailures: async ({}, provide) => provide([]),
  pageErrors: [
    async ({ page, collectorDown, collectorFailures, consoleAllows }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        // A 404 page is served with status 404, which Chromium logs; that one is expected.
        const expected404 = m.location().url === page.url() && /status of 404/.test(m.text());
        const collector = collectorDown && m.location().url.endsWith(COLLECTOR_PATH) && /^Failed to load resource/.test(m.text());
        if (collector) collectorFailures.push(m.text());
        else if (m.type() === "error" && !expected404 && !consoleAllows.some((allowed) => allowed.test(m.text()))) errors.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, "console and page errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const FAQ = "/account/real-name-auth/";
export const COLLECTOR_PATH = "/api/events";
/** The report token of the test server (playwright.config.ts). */
export const ADMIN_TOKEN = "e2e-admin-token-not-secret";

/** The element is inside the viewport and not hidden under the sticky header. */
export async function expectLandedOn(page: Page, selector: string) {
  const target = page.locator(selector);
  await expect(target).toBeInViewport();
  const headerBottom = await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().bottom);
  await expect.poll(async () => (await target.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(headerBottom - 1);
  const background = await target.evaluate((el) => getComputedStyle(el.closest(".entry")!).backgroundColor);
  expect(background, "the landed question is highlighted").not.toBe("rgba(0, 0, 0, 0)");
}
