import AxeBuilder from "@axe-core/playwright";
import type { Page, Request } from "@playwright/test";
import { ADMIN_TOKEN, COLLECTOR_PATH, expect, FAQ, test } from "./fixtures";

type Sent = { type: string; query?: string; position?: number | null; [key: string]: unknown };

/** Every event the page sends to the collector (the requests still go through to it). */
function recordEvents(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on("request", (request: Request) => {
    if (request.method() === "POST" && request.url().endsWith(COLLECTOR_PATH)) sent.push(...(JSON.parse(request.postData() ?? "{}").events ?? []));
  });
  return sent;
}

const face = (page: Page) => page.locator("section.entry", { has: page.locator("#faceiderr") });
// A question no other test votes on: the tests share one visitor key (127.0.0.1 and the browser's
// user agent), and that visitor's latest vote on a question replaces the earlier one, comment and all.
const rejected = (page: Page) => page.locator("section.entry", { has: page.getByRole("heading", { name: "实名认证审核不通过怎么办？" }) });

async function report(page: Page) {
  const res = await page.request.get("/api/admin/report?days=1", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

test("a vote with its reason and comment reaches the report within 10 s, with the question's source line @phone", async ({ page }) => {
  // No long digit runs: a 13-digit timestamp passes the Luhn check one time in ten and is redacted as a card number.
  const marker = `看不懂第${Date.now().toString(36)}步`;
  await page.goto(FAQ);
  const entry = rejected(page);
  await entry.getByRole("button", { name: "没帮助" }).click();
  await expect(entry.getByRole("button", { name: "没帮助" })).toHaveAttribute("aria-pressed", "true");
  await entry.getByRole("button", { name: "步骤缺失或看不懂" }).click();
  await entry.getByLabel("补充说明（选填）").fill(marker);
  await entry.getByRole("button", { name: "提交" }).click();
  await expect(entry.locator(".vote__status")).toContainText("感谢您的反馈");
  await expect(entry.getByRole("link", { name: "联系在线客服" })).toBeVisible();
  await expect
    .poll(async () => (await report(page)).questions.find((q: { comments: string[] }) => q.comments.includes(marker)), { timeout: 10_000 })
    .toMatchObject({ source: "content/account/real-name-auth.md:77", reasons: { 步骤缺失或看不懂: expect.any(Number) } });
  // …and on the report page, for a writer.
  await page.goto("/admin/");
  await page.getByLabel("报告令牌（ADMIN_TOKEN）").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "查看报告" }).click();
  await expect(page.getByText(marker).first()).toBeVisible();
  await expect(page.getByText("content/account/real-name-auth.md:77").first()).toBeVisible();
  await expect(page.locator("svg.chart")).toHaveCount(3);
});

test("the vote is remembered on return and can be changed; the latest counts", async ({ page }) => {
  const sent = recordEvents(page);
  await page.goto(FAQ);
  await face(page).getByRole("button", { name: "有帮助" }).click();
  await expect(face(page).locator(".vote__status")).toHaveText("感谢您的反馈！");
  await page.reload();
  await expect(face(page).getByRole("button", { name: "有帮助" })).toHaveAttribute("aria-pressed", "true");
  await face(page).getByRole("button", { name: "没帮助" }).click();
  await expect(face(page).getByRole("button", { name: "有帮助" })).toHaveAttribute("aria-pressed", "false");
  // A version may go twice (the reload cut the first request; the collector keeps one): count versions.
  const versions = () => [...new Map(sent.filter((e) => e.type === "vote").map((e) => [e.seq, e])).values()];
  await expect.poll(() => versions().length).toBe(2);
  const [first, second] = versions();
  expect(second).toMatchObject({ vote: first.vote, seq: (first.seq as number) + 1, helpful: false });
});

test("typing 实名认证 one key at a time and clicking the second result records one search, with position 2, and no prefixes @phone", async ({ page }) => {
  const sent = recordEvents(page);
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.click();
  await box.pressSequentially("实名认证", { delay: 250 });
  const second = page.getByRole("option").nth(1);
  await expect(second).toBeVisible();
  await expect(page.locator("[data-search-box]").first()).toHaveAttribute("data-searched", "实名认证");
  await second.click();
  await expect(page).toHaveURL(/#/);
  await expect.poll(() => sent.filter((e) => e.type === "search"), { timeout: 10_000 }).toHaveLength(1);
  await page.waitForTimeout(2000); // nothing else comes later either
  expect(sent.filter((e) => e.type === "search")).toEqual([expect.objectContaining({ query: "实名认证", position: 2 })]);
});

test("a search that finds nothing offers 没找到 on /search/, and the text reaches the report", async ({ page }) => {
  const text = `想找量子${Date.now().toString(36)}`; // no digit run a redaction would take for a card number
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("量子计算机怎么买");
  const offer = page.getByRole("link", { name: "没找到？告诉我们您在找什么" });
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(page).toHaveURL(/\/search\/\?q=.+#notfound$/);
  // It lands on the form, ready to type in (the form appears only once the search found nothing).
  await expect(page.getByLabel("没找到？告诉我们您在找什么")).toBeFocused();
  await expect(page.getByLabel("没找到？告诉我们您在找什么")).toBeInViewport();
  await page.getByLabel("没找到？告诉我们您在找什么").fill(text);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("谢谢！我们会根据您的描述补充内容。")).toBeVisible();
  await expect.poll(async () => (await report(page)).notFound.map((n: { text: string }) => n.text), { timeout: 10_000 }).toContain(text);
  // The search itself is counted once, by /search/ (the popup handed it over), as one that found nothing.
  await expect.poll(async () => (await report(page)).zeroResultSearches.filter((s: { query: string }) => s.query === "量子计算机怎么买").map((s: { searches: number }) => s.searches), { timeout: 10_000 }).toEqual([1]);
});

test("a pasted query longer than the report keeps is cut in the browser, so the search is still counted", async ({ page }) => {
  const sent = recordEvents(page);
  const pasted = `量子${Date.now().toString(36)}`.repeat(15); // over LIMITS.query (100) characters
  await page.goto(`/search/?q=${encodeURIComponent(pasted)}`);
  await expect(page.locator(".search-page__summary")).toContainText("没有找到");
  await page.goto(FAQ); // leaving settles the search
  const kept = [...pasted].slice(0, 100).join("");
  await expect.poll(() => sent.filter((e) => e.type === "search").map((e) => e.query), { timeout: 10_000 }).toEqual([kept]);
  await expect.poll(async () => (await report(page)).zeroResultSearches.map((s: { query: string }) => s.query), { timeout: 10_000 }).toContain(kept);
});

test("with Do Not Track, searches are not logged; votes still are", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "doNotTrack", { get: () => "1" }));
  const sent = recordEvents(page);
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("实名认证");
  await page.getByRole("option").first().click();
  await expect(page).toHaveURL(/#/);
  await face(page).getByRole("button", { name: "有帮助" }).click();
  await expect.poll(() => sent.filter((e) => e.type === "vote").length).toBe(1);
  await page.waitForTimeout(2000);
  expect(sent.filter((e) => e.type === "search" || e.type === "click")).toEqual([]);
});

test.describe("with the collector down", () => {
  test.use({ collectorDown: true });

  test("every page works, the widget says so politely, nothing is asked again until the pause is over, and the vote goes once it is back", async ({ page, collectorFailures }) => {
    let down = true;
    const delivered: Sent[] = [];
    await page.route(`**${COLLECTOR_PATH}`, async (route) => {
      if (down) return route.fulfill({ status: 502, headers: { "Retry-After": "60" }, body: "Bad Gateway" }); // what a CDN answers for a dead origin
      delivered.push(...JSON.parse(route.request().postData() ?? "{}").events);
      return route.continue();
    });
    await page.goto(FAQ);
    await face(page).getByRole("button", { name: "没帮助" }).click();
    await expect(face(page).locator(".vote__status")).toContainText("反馈已保存在本机，稍后会自动发送");
    await face(page).getByRole("button", { name: "信息不全" }).click(); // queued behind the pause: no request
    const box = page.getByRole("combobox", { name: "搜索问题" });
    await box.fill("人脸识别失败");
    await page.getByRole("option").first().click();
    await expect(page).toHaveURL(/#faceiderr$/);
    await page.goto("/account/");
    await expect(page.locator("h1")).toBeVisible();
    expect(collectorFailures.length, collectorFailures.join("\n")).toBe(1); // one failed request, then the pause holds
    down = false;
    await page.evaluate(() => localStorage.setItem("faq-feedback-retry", "[0,0]")); // the pause is over
    await page.goto(FAQ);
    await expect.poll(() => delivered.filter((e) => e.type === "vote").map((e) => e.reason), { timeout: 10_000 }).toEqual([null, "incomplete"]);
    expect(delivered.some((e) => e.type === "search" && e.query === "人脸识别失败")).toBe(true);
  });
});

test("with the collector too slow to answer, nothing waits and nothing is logged", async ({ page }) => {
  await page.route(`**${COLLECTOR_PATH}`, () => {}); // never answers
  await page.goto(FAQ);
  await face(page).getByRole("button", { name: "有帮助" }).click();
  await expect(face(page).locator(".vote__status")).toHaveText("感谢您的反馈！");
  await page.getByRole("combobox", { name: "搜索问题" }).fill("实名认证");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.waitForTimeout(11_000); // past the 10 s timeout: aborted quietly, kept for later
  await expect(face(page).locator(".vote__status")).toContainText("稍后会自动发送");
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem("faq-feedback") ?? "[]").length)).toBeGreaterThan(0);
});

test.describe("a busy collector", () => {
  test.use({ consoleAllows: [/^Failed to load resource: the server responded with a status of 429/] });

  test("a vote the collector refuses for now (429) says it is kept for later, not that the network is down", async ({ page }) => {
    await page.route(`**${COLLECTOR_PATH}`, (route) => route.fulfill({ status: 429, headers: { "Retry-After": "30" }, body: "{}" }));
    await page.goto(FAQ);
    await rejected(page).getByRole("button", { name: "有帮助" }).click();
    await expect(rejected(page).locator(".vote__status")).toContainText("感谢您的反馈！");
    await expect(rejected(page).locator(".vote__status")).toContainText("暂时没有送达，反馈已保存在本机，稍后会自动发送。");
    await expect(rejected(page).locator(".vote__status")).not.toContainText("网络");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("faq-feedback") ?? "[]").length)).toBeGreaterThan(0);
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`the vote widget has no axe violations in ${scheme} mode, at every step @phone`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(FAQ);
    const axe = async () => (await new AxeBuilder({ page }).include(".vote").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await axe()).toEqual([]);
    await face(page).getByRole("button", { name: "没帮助" }).click();
    await face(page).getByRole("button", { name: "链接或图片失效" }).click();
    await expect(face(page).getByLabel("补充说明（选填）")).toBeVisible();
    expect(await axe()).toEqual([]);
    await face(page).getByRole("button", { name: "提交" }).click();
    await expect(face(page).locator(".vote__status")).toBeFocused();
    expect(await axe()).toEqual([]);
  });
}

test("the widget works from the keyboard", async ({ page }) => {
  await page.goto(FAQ);
  await face(page).getByRole("button", { name: "有帮助" }).focus();
  await page.keyboard.press("Tab");
  await expect(face(page).getByRole("button", { name: "没帮助" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(face(page).getByRole("button", { name: "没解决我的问题" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(face(page).getByRole("button", { name: "没解决我的问题" })).toHaveAttribute("aria-pressed", "true");
});

/** /admin/ logged in, the report drawn. */
async function openReport(page: Page) {
  await page.goto("/admin/");
  await page.getByLabel("报告令牌（ADMIN_TOKEN）").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "查看报告" }).click();
  await expect(page.locator("svg.chart")).toHaveCount(3);
}

test("each chart of the report has its caption above it, not below where it reads as the next one's @phone", async ({ page }) => {
  await openReport(page);
  for (const figure of await page.locator("figure").all()) {
    const caption = (await figure.locator("figcaption").boundingBox())!;
    const chart = (await figure.locator("svg.chart").boundingBox())!;
    expect(caption.y + caption.height).toBeLessThanOrEqual(chart.y);
  }
});

test("the report's tables fit a phone: every column on screen, a query on one line, not 2 characters a line @phone", async ({ page }) => {
  const query = `服务器被攻击了怎么办${Date.now().toString(36)}`;
  const comment = `第二步的截图和现在的控制台不一样${Date.now().toString(36)}`;
  const sent = await page.request.post(COLLECTOR_PATH, {
    data: {
      events: [
        { type: "search", id: crypto.randomUUID(), query, results: 0, position: null },
        { type: "vote", vote: crypto.randomUUID(), seq: 1, page: FAQ, question: "港澳台及境外用户如何进行实名认证", helpful: false, reason: "outdated", comment },
      ],
    },
  });
  expect(sent.status()).toBe(200);
  await openReport(page);
  const width = page.viewportSize()!.width;
  for (const table of await page.locator("table").all()) {
    const box = (await table.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  const queryCell = (await page.locator("td", { hasText: query }).first().boundingBox())!;
  expect(queryCell.width).toBeGreaterThanOrEqual(10 * 13.5); // 10 characters of the table text (0.9rem, 13.5 px)
  const shown = (await page.getByText(comment).last().boundingBox())!;
  expect(shown.x + shown.width).toBeLessThanOrEqual(width);
  expect((await new AxeBuilder({ page }).include("#report").analyze()).violations).toEqual([]);
});

test("a query with a bidi override or a zero-width character shows them as escapes in the report, never reversed", async ({ page }) => {
  const tag = Date.now().toString(36);
  const query = `退款\u202e${tag}\u200b`;
  const sent = await page.request.post(COLLECTOR_PATH, { data: { events: [{ type: "search", id: crypto.randomUUID(), query, results: 0, position: null }] } });
  expect(sent.status()).toBe(200);
  await openReport(page);
  await expect(page.locator("td", { hasText: `退款\\u202e${tag}\\u200b` }).first()).toBeVisible();
  await expect(page.locator("td", { hasText: query })).toHaveCount(0);
});

test.describe("a wrong report token", () => {
  test.use({ consoleAllows: [/^Failed to load resource: the server responded with a status of 401/] });

  test("is refused in the writer's language, not the API's", async ({ page }) => {
    await page.goto("/admin/");
    await page.getByLabel("报告令牌（ADMIN_TOKEN）").fill(`${ADMIN_TOKEN}-not`);
    await page.getByRole("button", { name: "查看报告" }).click();
    await expect(page.getByText("令牌不正确，请重新输入。")).toBeVisible();
  });
});

test.describe("the report read far from China", () => {
  test.use({ timezoneId: "America/New_York" });

  test("gives the time it was made in China time, as it gives its period", async ({ page }) => {
    await page.goto("/admin/");
    await page.getByLabel("报告令牌（ADMIN_TOKEN）").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "查看报告" }).click();
    const period = await page.locator(".period").textContent();
    const [, y, mo, d, h, mi] = /生成于 (\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{2}):(\d{2})/.exec(period ?? "")!.map(Number);
    const made = Date.parse(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:00+08:00`);
    expect(Math.abs(made - Date.now())).toBeLessThan(5 * 60_000);
  });
});
