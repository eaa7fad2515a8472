import type { Page } from "@playwright/test";
import { expect, expectLandedOn, FAQ, test } from "./fixtures";

const FACE = "使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？";

test("typing 人脸识别失败 shows that question first; Enter lands on it @phone", async ({ page }) => {
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.click();
  await box.pressSequentially("人脸识别失败");
  const first = page.getByRole("listbox").getByRole("option").first();
  await expect(first).toContainText(FACE);
  await expect(first.locator("mark").first()).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/#faceiderr$/);
  await expectLandedOn(page, "#faceiderr");
});

test("search from another page: click a result, land on the question", async ({ page }) => {
  await page.goto("/account/");
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("审核要多久");
  await page.getByRole("option", { name: /实名认证提交审核处理时长/ }).click();
  await expect(page).toHaveURL(new RegExp(`${FAQ}#`));
  await expectLandedOn(page, `[id="实名认证提交审核处理时长"]`);
});

test("keyboard: / focuses, arrows move, Esc closes", async ({ page }) => {
  await page.goto(FAQ);
  await page.locator("h1").click();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await expect(box).toBeFocused();
  await page.keyboard.type("实名认证");
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
});

test("Enter while a pinyin IME is composing opens nothing", async ({ page }) => {
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  await box.evaluate((input) => {
    input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", keyCode: 229, isComposing: true, bubbles: true }));
  });
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(new RegExp(`${FAQ}$`));
});

test("an unrelated query says so, and offers support and popular questions instead of a guess", async ({ page }) => {
  await page.goto(FAQ);
  await page.getByRole("combobox", { name: "搜索问题" }).fill("域名备案");
  await expect(page.getByText("没有找到相关问题")).toBeVisible();
  await expect(page.getByRole("option")).toHaveCount(0);
  const popup = page.locator(".search__popup");
  await expect(popup.getByRole("link", { name: "联系在线客服" })).toBeVisible();
  await expect(popup.getByRole("link", { name: FACE })).toBeVisible();
});

test("a word still being typed that finds nothing yet asks for more, instead of saying nothing was found", async ({ page }) => {
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  const popup = page.locator(".search__popup");
  for (const start of ["ren", "企"]) {
    await box.fill(start);
    await expect(popup.getByText("继续输入以查找问题…")).toBeVisible();
    await expect(popup.getByRole("link", { name: "联系在线客服" })).toBeHidden();
  }
  // Once typing pauses, a short query that found nothing (it may be all the reader meant) says so.
  await expect(popup.getByText("没有找到相关问题")).toBeVisible();
  await expect(popup.getByRole("link", { name: "联系在线客服" })).toBeVisible();
  await box.fill("企业认证");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.fill("域名备案"); // a whole query that finds nothing still says so
  await expect(popup.getByText("没有找到相关问题")).toBeVisible();
});

test("a query no question answers offers the closest ones, said to be only possibly related, above them", async ({ page }) => {
  await page.goto(FAQ);
  // The page says nothing of what the API costs; its face-recognition question comes closest.
  await page.getByRole("combobox", { name: "搜索问题" }).fill("人脸识别API怎么收费");
  const popup = page.locator(".search__popup");
  await expect(popup.getByText("没有找到直接回答的问题，以下问题可能相关")).toBeVisible();
  await expect(page.getByRole("option").first()).toContainText(FACE);
  await expect(page.getByRole("option").first()).toBeVisible();
  const [note, list] = await Promise.all([popup.locator(".search__note").boundingBox(), popup.locator(".search__list").boundingBox()]);
  expect(note!.y).toBeLessThan(list!.y);
  await expect(popup.getByRole("link", { name: "联系在线客服" })).toBeVisible();
});

test("Enter opens no possibly related question, nor a result the popup no longer shows: it opens the query's /search/ page", async ({ page }) => {
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("人脸识别API怎么收费");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  await box.press("Enter");
  await expect(page).toHaveURL(`/search/?q=${encodeURIComponent("人脸识别API怎么收费")}`);
  await page.goto(FAQ);
  await box.fill("实名认证");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("Escape");
  await expect(page.getByRole("option").first()).toBeHidden();
  await box.press("Enter");
  await expect(page).toHaveURL(`/search/?q=${encodeURIComponent("实名认证")}`);
  // An option chosen with the arrows is no longer chosen once the text changes.
  await page.goto(FAQ);
  await box.fill("实名认证");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /-1$/);
  await box.press("End");
  await box.pressSequentially("要多久");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  // A possibly related question chosen with the arrows still opens.
  await page.goto(FAQ);
  await box.fill("人脸识别API怎么收费");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/#faceiderr$/);
});

test("pinyin initials find the question and mark the characters they stand for", async ({ page }) => {
  await page.goto(FAQ);
  await page.getByRole("combobox", { name: "搜索问题" }).fill("rlsb");
  const first = page.getByRole("option").first();
  await expect(first).toContainText(FACE);
  await expect(first.locator(".hit__question mark")).toHaveText(["人脸识别"]);
});

test("the engine runs in a Web Worker, and the matched words are marked where a result lands", async ({ page }) => {
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto("/account/");
  await page.getByRole("combobox", { name: "搜索问题" }).fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  expect(workers).toHaveLength(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#faceiderr$/);
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get("search-terms") ?? [])].map((r) => (r as Range).toString())))
    .toEqual(expect.arrayContaining(["人脸识别", "失败"]));
});

test("/search/?q= shows the full result list for a shared query", async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent("实名认证")}`);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("个结果");
  const results = page.locator(".results__item");
  expect(await results.count()).toBeGreaterThan(3);
  await page.goto(`/search/?q=${encodeURIComponent("域名备案")}`);
  await expect(page.getByRole("heading", { level: 2 })).toContainText("没有找到");
  await expect(page.getByRole("link", { name: "联系在线客服" }).first()).toBeVisible();
});

test("a long query with no break (a pasted code) wraps on /search/ instead of widening the page @phone", async ({ page }) => {
  await page.goto(`/search/?q=${"FailedOperation.RequestTimeout".repeat(4)}`);
  await expect(page.locator(".search-page__summary")).toContainText("没有找到");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("/search/ shows one search box, its own, under a short header", async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent("实名认证要多久")}`);
    await expect(page.locator(".search__input:visible")).toHaveCount(1);
    await expect(page.locator(".search__input:visible")).toHaveValue("实名认证要多久");
    const headerHeight = await page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(80);
    // Other pages keep the header's box.
    await page.goto(FAQ);
    await expect(page.locator(".site-header .search__input")).toBeVisible();
  });
});

test("the search index is fetched on first use of search, not with the page", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => r.url().includes("/search-index/") && fetched.push(r.url()));
  await page.goto(FAQ);
  await page.waitForLoadState("networkidle");
  expect(fetched).toEqual([]);
  await page.getByRole("combobox", { name: "搜索问题" }).focus();
  await expect.poll(() => fetched.length).toBe(1);
  expect(fetched[0]).toMatch(/\/search-index\/index\.[0-9a-f]{12}\.json$/);
});

test("after a first search, the first-keystroke pack and the warm shards arrive in the background, and a new query's first keystroke fetches nothing", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => /\/search-index\/[sp]\.[0-9a-f]{12}\.json$/.test(r.url()) && fetched.push(new URL(r.url()).pathname.split("/").pop()!));
  const manifest = page.waitForResponse((r) => /\/search-index\/index\.[0-9a-f]{12}\.json$/.test(r.url()));
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("人脸识别失败");
  const { shards, pack, warm } = (await (await manifest).json()) as { shards: string[]; pack: string; warm: number[] };
  await expect(page.getByRole("option").first()).toContainText("人脸识别");
  const background = [pack, ...warm.map((i) => shards[i])];
  await expect.poll(() => background.filter((f) => !fetched.includes(f)), { timeout: 15_000 }).toEqual([]);
  const before = fetched.length;
  await box.fill("子");
  await expect(page.getByRole("option").first()).toContainText("子");
  expect(fetched.slice(before)).toEqual([]);
});

test("an open tab whose index a newer build replaced follows it once, however many searches meet the gone files", async ({ page }) => {
  // The index files this tab's manifest names are gone (404) until the site's pointer to its current
  // manifest has answered (it names the same build here, which is what the worker then loads anew);
  // that answer is held back until a second search has met the gone files too.
  let gone = true;
  let second = false;
  let pointers = 0;
  let metBySecond = () => {};
  const met = new Promise<void>((resolve) => (metBySecond = resolve));
  const manifests: string[] = [];
  page.on("request", (r) => /\/search-index\/index\.[0-9a-f]{12}\.json$/.test(r.url()) && manifests.push(r.url()));
  await page.route(/\/search-index\/[spc]\.[0-9a-f]{12}\.json$/, (route) => {
    if (!gone) return route.fallback();
    if (second) metBySecond();
    return route.fulfill({ status: 404, body: "" });
  });
  await page.route(/\/search-index-latest\.json$/, async (route) => {
    pointers++;
    await Promise.race([met, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    gone = false;
    await route.fallback();
  });
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("实名");
  await expect.poll(() => pointers).toBe(1);
  second = true;
  await box.fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  expect(pointers).toBe(1);
  expect(manifests).toHaveLength(2); // this tab's, then the current one
});

test("a failed switch to a newer build says so, and the next search tries again", async ({ page }) => {
  let gone = true;
  let pointers = 0;
  await page.route(/\/search-index\/[spc]\.[0-9a-f]{12}\.json$/, (route) => (gone ? route.fulfill({ status: 404, body: "" }) : route.fallback()));
  await page.route(/\/search-index-latest\.json$/, async (route) => {
    if (++pointers === 1) return route.fulfill({ status: 503, body: "" });
    gone = false;
    await route.fallback();
  });
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("实名");
  await expect(page.getByText("搜索暂时不可用")).toBeVisible();
  await box.fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText(FACE);
  expect(pointers).toBe(2);
});

type WorkerLog = { ready: boolean; sent: number[]; settled: number[] };

/** Records, in the page's real search worker, the searches asked for and those answered or ended. */
async function recordSearches(page: Page): Promise<() => Promise<WorkerLog>> {
  await page.addInitScript(() => {
    const log = { ready: false, sent: [] as number[], settled: [] as number[] };
    (window as unknown as { searches: typeof log }).searches = log;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener("message", (event: MessageEvent<{ type: string; seq: number; final?: boolean }>) => {
          const m = event.data;
          if (m.type === "ready") log.ready = true;
          if (m.type === "superseded" || m.type === "failed" || (m.type === "results" && m.final)) log.settled.push(m.seq);
        });
      }
      postMessage(message: { type?: string; seq?: number }, options?: StructuredSerializeOptions | Transferable[]) {
        if (message?.type === "search") log.sent.push(message.seq!);
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as { searches: WorkerLog }).searches);
}

/** Holds back the term shards until the returned function is called. */
async function holdShards(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/search-index\/s\.[0-9a-f]{12}\.json$/, async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

test("every search the page asks the worker for is settled, also those a newer one overtook while index files were on their way", async ({ page }) => {
  const searches = await recordSearches(page);
  const release = await holdShards(page);
  await page.goto(FAQ);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.focus(); // loads the engine; a search typed before it is ready is never sent
  await expect.poll(async () => (await searches()).ready).toBe(true);
  await box.pressSequentially("人脸识别失败", { delay: 150 });
  await expect.poll(async () => (await searches()).sent.length).toBeGreaterThan(2);
  release();
  await expect(page.getByRole("option").first()).toContainText(FACE);
  const { sent } = await searches();
  await expect.poll(async () => (await searches()).settled.sort((a, b) => a - b)).toEqual(sent);
});

test("on /search/, a search in the header box does not overtake the result list's own", async ({ page }) => {
  const release = await holdShards(page);
  await page.goto(`/search/?q=${encodeURIComponent("人脸识别失败")}`);
  await expect(page.getByText("正在搜索…")).toBeVisible();
  await page.getByRole("combobox", { name: "搜索问题" }).fill("实名");
  release();
  await expect(page.locator(".results__item").first()).toContainText(FACE);
  await expect(page.getByText("正在搜索…")).toHaveCount(0);
});
