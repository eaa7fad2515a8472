import { expect, FAQ, test } from "./fixtures";

const DARK_BG = "rgb(17, 20, 24)";
const LIGHT_BG = "rgb(255, 255, 255)";
const background = (page: import("@playwright/test").Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe("colour theme", () => {
  test("follows the system until the reader picks one, and keeps the choice @phone", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(FAQ);
    expect(await background(page)).toBe(DARK_BG);
    const toggle = page.locator(".theme-toggle");
    await expect(toggle).toHaveAttribute("aria-label", /跟随系统/);

    await toggle.click(); // → light, although the system is dark
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background(page)).toBe(LIGHT_BG);

    await page.reload(); // the head script applies the stored choice before the first paint
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background(page)).toBe(LIGHT_BG);
    await expect(page.locator(".theme-toggle")).toHaveAttribute("aria-label", /颜色主题：浅色/);

    await page.locator(".theme-toggle").click(); // → dark
    expect(await background(page)).toBe(DARK_BG);
    await page.locator(".theme-toggle").click(); // → system again: choice forgotten
    await expect(page.locator("html")).not.toHaveAttribute("data-theme");
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe(LIGHT_BG);
  });

  test("works by keyboard", async ({ page }) => {
    await page.goto("/account/");
    await page.locator(".theme-toggle[data-ready]").focus(); // invisible, so unfocusable, until the page script runs
    await expect(page.locator(".theme-toggle")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await page.keyboard.press("Space");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });
});

test("prints the questions and answers without navigation, dark text on white", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("faq-theme", "dark"));
  await page.goto(FAQ);
  await page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".question-index", ".breadcrumbs", ".copy-link >> nth=0"]) {
    await expect(page.locator(selector), selector).toBeHidden();
  }
  const questions = page.locator(".entry__question");
  expect(await questions.count()).toBeGreaterThan(5);
  for (const q of await questions.all()) await expect(q).toBeVisible();
  await expect(page.locator("#faceiderr")).toBeVisible();
  expect(await background(page)).toBe(LIGHT_BG);
  const text = await page.locator(".prose").first().evaluate((el) => getComputedStyle(el).color);
  expect(text).toBe("rgb(0, 0, 0)");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

/** Sum of layout-shift scores since navigation, after the page script has run and the page has settled. */
async function layoutShift(page: import("@playwright/test").Page): Promise<{ total: number; moved: string[] }> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
        let total = 0;
        const moved: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            if (entry.hadRecentInput) continue;
            total += entry.value;
            for (const { node, previousRect: a, currentRect: b } of entry.sources as { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[]) moved.push(`${node instanceof Element ? node.className : String(node?.nodeName)} ${a.x},${a.y},${a.width}x${a.height} → ${b.x},${b.y},${b.width}x${b.height} @${Math.round(entry.startTime)}ms`);
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve({ total, moved }), 100);
      }),
  );
}

for (const [name, url] of Object.entries({ home: "/", category: "/account/", faq: FAQ, "deep link": `${FAQ}#faceiderr`, search: "/search/?q=实名认证", "empty search": "/search/" })) {
  test(`${name} page loads without layout shift @phone`, async ({ page }) => {
    await page.goto(url);
    const { total, moved } = await layoutShift(page);
    expect(total, `moved: ${moved.join(" | ")}`).toBe(0);
  });
}
