import { test as base, expect, type Page } from "@playwright/test";

/** Every browser test fails on a console error or an uncaught page error. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        // A 404 page is served with status 404, which Chromium logs; that one is expected.
        const expected404 = m.location().url === page.url() && /status of 404/.test(m.text());
        if (m.type() === "error" && !expected404) errors.push(`console: ${m.text()}`);
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

/** The element is inside the viewport and not hidden under the sticky header. */
export async function expectLandedOn(page: Page, selector: string) {
  const target = page.locator(selector);
  await expect(target).toBeInViewport();
  const headerBottom = await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().bottom);
  await expect.poll(async () => (await target.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(headerBottom - 1);
  const background = await target.evaluate((el) => getComputedStyle(el.closest(".entry")!).backgroundColor);
  expect(background, "the landed question is highlighted").not.toBe("rgba(0, 0, 0, 0)");
}
