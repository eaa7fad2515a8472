import { parsePage } from "../../src/content/parse";
import { pageEntries } from "../../src/content/types";
import { SEARCH_LIMITS } from "../../src/search/options";
import { expect, FAQ, test } from "./fixtures";

test("pages are served with a CSP that allows no inline script, and the usual security headers", async ({ request }) => {
  const response = await request.get(FAQ);
  const headers = response.headers();
  const scriptSrc = headers["content-security-policy"].split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(await response.text()).toContain('<meta http-equiv="Content-Security-Policy"');
  // The page's one script and its stylesheet have content-hashed names: cached for good.
  const html = await response.text();
  for (const asset of [/src="(\/assets\/app-[^"]+\.js)"/.exec(html)![1], /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)![1]]) {
    expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  }
});

test("pages and scripts are sent gzipped to clients that accept it, and plain to the rest", async ({ request }) => {
  const gzipped = await request.get(FAQ, { headers: { "accept-encoding": "gzip" } });
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");
  expect(gzipped.headers()["vary"]).toContain("Accept-Encoding");
  expect(await gzipped.text()).toContain("faceiderr"); // decoded by the client: the same page
  const plain = await request.get(FAQ, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(await plain.text()).toContain("faceiderr");
});

const HOSTILE = [
  "### 危险内容？",
  "<script>window.__pwned = 'script'</script>",
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '<a href="javascript:window.__pwned=\'href\'">链接一</a> [链接二](javascript:window.__pwned="md")',
  '<iframe src="https://evil.example/" onload="window.__pwned=\'iframe\'"></iframe>',
  // An allow-listed player keeps its src, and nothing else of what was written.
  '<iframe src="https://cloud.tencent.com/edu/x" onload="window.__pwned=\'allowed\'" srcdoc="<script>parent.__pwned=\'srcdoc\'</script>"></iframe>',
  '<svg onload="window.__pwned=\'svg\'"></svg> <details open ontoggle="window.__pwned=\'toggle\'"><summary>x</summary></details>',
  '<dx-alert infotype="notice" onclick="window.__pwned=\'dx\'">\n点我\n</dx-alert>',
  '<a href="https://x.example/" onclick="window.__pwned=\'click\'" onmouseover="window.__pwned=\'hover\'">链接三</a>',
].join("\n\n");

test("hostile content is neutralized: nothing in it runs, even when clicked", async ({ page }) => {
  const { page: parsed } = parsePage(HOSTILE, { path: "x.md", category: "c", fileSlug: "x" });
  const html = pageEntries(parsed)[0].html;
  const dialogs: string[] = [];
  page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
  await page.context().route(/^https:\/\/(x\.example|cloud\.tencent\.com)\//, (route) => route.fulfill({ body: "" }));
  await page.setContent(`<!doctype html><html><body><main>${html}</main></body></html>`);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("main *")) {
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      el.click();
    }
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator("main script, main svg")).toHaveCount(0);
  await expect(page.locator("main iframe")).toHaveCount(1);
  await expect(page.locator("main iframe")).toHaveAttribute("src", "https://cloud.tencent.com/edu/x");
  await expect(page.locator("main iframe")).not.toHaveAttribute("srcdoc");
  await expect(page.locator("main iframe")).toHaveAttribute("referrerpolicy", "strict-origin-when-cross-origin");
});

test("hostile queries typed into the search box cause no page error and show nothing unsafe", async ({ page }) => {
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  for (const q of [".*+?^${}()|[]\\", "<img src=x onerror=alert(1)>", "😀".repeat(40), "\u202E实名\u200F", "a".repeat(2000), "？？？", "' OR 1=1 --"]) {
    await box.fill(q);
    // The box takes SEARCH_LIMITS.boxChars (a longer paste is cut there).
    await expect(page.locator("[data-searched]").first()).toHaveAttribute("data-searched", q.trim().slice(0, SEARCH_LIMITS.boxChars));
  }
  await expect(page.locator(".search__popup img")).toHaveCount(0);
});
