import fs from "node:fs";
import path from "node:path";
import { expect, FAQ, test } from "./fixtures";

// These run against the build `npm start` makes, without SITE_URL. The deploy build (SITE_URL set:
// absolute canonical links, sitemap.xml, robots.txt) is tested in tests/unit/cli/build.test.ts.
test("the FAQ page has a title, description, Open Graph tags and FAQPage data, and no canonical link without SITE_URL", async ({ page }) => {
  await page.goto(FAQ);
  await expect(page).toHaveTitle("实名认证常见问题 - 云服务帮助中心");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /实名认证/);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "实名认证常见问题");
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "云服务帮助中心");
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
  const faq = data.find((d) => d["@type"] === "FAQPage");
  expect(faq.mainEntity).toHaveLength(14);
  expect(faq.mainEntity.find((q: { url: string }) => q.url.endsWith("#faceiderr")).acceptedAnswer.text).toContain("脸部遮挡");
  expect(data.find((d) => d["@type"] === "BreadcrumbList").itemListElement.map((i: { name: string }) => i.name)).toEqual(["云服务帮助中心", "账号与实名认证", "实名认证常见问题"]);
});

test("without SITE_URL there is no sitemap.xml or robots.txt, and no file names localhost", async ({ request }) => {
  expect((await request.get("/sitemap.xml")).status()).toBe(404);
  expect((await request.get("/robots.txt")).status()).toBe(404);
  const out = path.resolve("out");
  const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => /\.(html|xml|txt|json|js)$/.test(f));
  expect(files.length).toBeGreaterThan(5);
  expect(files.filter((f) => /localhost|127\.0\.0\.1/.test(fs.readFileSync(path.join(out, f), "utf8")))).toEqual([]);
});
