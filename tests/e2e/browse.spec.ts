import { expect, FAQ, test } from "./fixtures";

test("home → category → FAQ page, with all 14 questions and their answers", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/帮助中心/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("link", { name: "账号与实名认证" }).click();
  await expect(page).toHaveURL(/\/account\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账号与实名认证");
  await page.getByRole("link", { name: "实名认证常见问题" }).click();
  await expect(page).toHaveURL(new RegExp(`${FAQ}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("实名认证常见问题");
  await expect(page.locator("main h2.entry__question")).toHaveCount(14);
  await expect(page.getByRole("navigation", { name: "本页问题" }).getByRole("link")).toHaveCount(14);
  await expect(page.getByRole("navigation", { name: "面包屑" })).toContainText("账号与实名认证");
  await expect(page.locator("time")).toHaveAttribute("datetime", "2026-11-28");
});

test("answers render lists, bold text and safe external links", async ({ page }) => {
  await page.goto(FAQ);
  const duration = page.locator(".entry", { has: page.getByRole("heading", { name: "实名认证提交审核处理时长？" }) });
  await expect(duration.locator("strong").first()).toHaveText("个人认证处理时长");
  await expect(duration.locator("li")).toHaveCount(3);
  const link = duration.getByRole("link", { name: "在线客服" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.locator("#faceiderr + * , #faceiderr").first()).toBeVisible();
  await expect(page.locator(".entry", { has: page.locator("#faceiderr") }).locator("ol li")).toHaveCount(4);
});

test("headings never skip a level", async ({ page }) => {
  await page.goto(FAQ);
  const levels = await page.locator("main :is(h1,h2,h3,h4,h5,h6)").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  levels.forEach((l, i) => i > 0 && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1));
});

test("the FAQ page is readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${FAQ}#faceiderr`);
  await expect(page.locator("h2.entry__question")).toHaveCount(14);
  await expect(page.locator("#faceiderr")).toBeInViewport();
  await context.close();
});

test("unknown URLs get the custom 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await expect(page.getByRole("link", { name: "首页" })).toBeVisible();
});

test("a URL without the trailing slash redirects to the page", async ({ page }) => {
  await page.goto("/account/real-name-auth");
  await expect(page).toHaveURL(new RegExp(`${FAQ}$`));
});

test("a page runs one small script of ours and none of Next's runtime, and fetches no RSC data", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(FAQ);
  await page.getByRole("link", { name: "账号与实名认证" }).first().hover(); // speculation rules may prefetch: a page, not data
  await page.waitForLoadState("networkidle");
  const scripts = requested.filter((p) => p.endsWith(".js"));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^\/assets\/app-[\w-]+\.js$/);
  expect(requested.filter((p) => p.endsWith(".txt") || p.includes("__next"))).toEqual([]);
});

test("hovering a link prefetches its page (speculation rules, no script)", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (r) => r.headers()["sec-purpose"]?.startsWith("prefetch") && prefetched.push(new URL(r.url()).pathname));
  await page.goto("/");
  await page.getByRole("link", { name: "账号与实名认证" }).hover();
  await expect.poll(() => prefetched).toContain("/account/");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every answer is readable, and the search box submits to the search page", async ({ page }) => {
    await page.goto(FAQ);
    await expect(page.locator("main h2.entry__question")).toHaveCount(14);
    await expect(page.locator(".theme-toggle")).toBeHidden(); // it could not work
    const box = page.getByRole("combobox", { name: "搜索问题" });
    await box.fill("人脸识别");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=%E4%BA%BA%E8%84%B8%E8%AF%86%E5%88%AB$/);
    // (Its <noscript> note is not checked: Chromium with scripts disabled by the test still hides it.)
  });
});
