import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { scratchProject } from "../../scripts/lib/scratch-project";
import { expect, FAQ, test } from "./fixtures";

// These run against the build `npm start` makes, without SITE_URL; the last one makes a deploy build.
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

test("with SITE_URL, a deploy build has absolute canonical links, sitemap.xml and robots.txt, and no warning", async () => {
  test.setTimeout(300_000);
  const scratch = scratchProject(); // the project's own out/ (which the other tests use) stays as it is
  try {
    fs.cpSync("content", path.join(scratch, "content"), { recursive: true });
    const build = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build.ts"], {
      cwd: scratch,
      encoding: "utf8",
      env: { ...process.env, SITE_URL: "https://help.example.com/", CONTENT_DIR: "content", PORT: "3999", NEXT_TELEMETRY_DISABLED: "1" },
    });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toContain("SITE_URL is not set");
    const read = (file: string) => fs.readFileSync(path.join(scratch, "out", file), "utf8");
    const faq = read("account/real-name-auth/index.html");
    expect(faq).toContain('<link rel="canonical" href="https://help.example.com/account/real-name-auth/"/>');
    expect(faq).toContain('<meta property="og:url" content="https://help.example.com/account/real-name-auth/"/>');
    expect(faq).toContain('"url":"https://help.example.com/account/real-name-auth/#faceiderr"');
    expect(read("sitemap.xml")).toContain("<loc>https://help.example.com/account/real-name-auth/</loc>");
    expect(read("robots.txt")).toContain("Sitemap: https://help.example.com/sitemap.xml");
    const files = (fs.readdirSync(path.join(scratch, "out"), { recursive: true }) as string[]).filter((f) => /\.(html|xml|txt|json|js)$/.test(f));
    expect(files.filter((f) => /localhost|127\.0\.0\.1/.test(read(f)))).toEqual([]);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
