import { expect, FAQ, test } from "./fixtures";

test("the FAQ page has a title, description, canonical URL, Open Graph tags and FAQPage data", async ({ page }) => {
  await page.goto(FAQ);
  await expect(page).toHaveTitle("实名认证常见问题 - 云服务帮助中心");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /实名认证/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/account\/real-name-auth\/$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "实名认证常见问题");
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", "云服务帮助中心");
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
  const faq = data.find((d) => d["@type"] === "FAQPage");
  expect(faq.mainEntity).toHaveLength(14);
  expect(faq.mainEntity.find((q: { url: string }) => q.url.endsWith("#faceiderr")).acceptedAnswer.text).toContain("脸部遮挡");
  expect(data.find((d) => d["@type"] === "BreadcrumbList").itemListElement.map((i: { name: string }) => i.name)).toEqual(["云服务帮助中心", "账号与实名认证", "实名认证常见问题"]);
});

test("sitemap.xml lists every page and robots.txt points at it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/account/real-name-auth/</loc>");
  expect(sitemap).toContain("/account/</loc>");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: \S+\/sitemap\.xml/);
});
