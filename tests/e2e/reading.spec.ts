import { expect, FAQ, test } from "./fixtures";

const FACE = "使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the long question index starts folded and the first answer starts on the first screen @phone", async ({ page }) => {
    await page.goto(FAQ);
    const index = page.getByRole("navigation", { name: "本页问题" });
    await expect(index.locator("summary")).toHaveText("本页问题（14）");
    await expect(index.getByRole("link").first()).toBeHidden();
    const answer = page.locator(".entry__answer").first();
    expect((await answer.boundingBox())!.y).toBeLessThan(844);
    await index.locator("summary").click();
    await expect(index.getByRole("link")).toHaveCount(14);
    await index.getByRole("link", { name: FACE }).click();
    await expect(page).toHaveURL(/#faceiderr$/);
    await expect(page.locator("#faceiderr")).toBeInViewport();
  });

  test("the copy-link control sits beside its question, not on a line of its own @phone", async ({ page }) => {
    await page.goto(FAQ);
    for (const entry of (await page.locator(".entry").all()).slice(0, 5)) {
      const question = (await entry.locator(".entry__question").boundingBox())!;
      const copy = (await entry.locator(".copy-link").boundingBox())!;
      expect(copy.x, "to the right of the question").toBeGreaterThanOrEqual(question.x + question.width - 1);
      expect(copy.y, "on its first line").toBeLessThan(question.y + 30);
    }
  });

  test("back to top appears once a screen down, and goes to the top without changing the address @phone", async ({ page }) => {
    await page.goto(FAQ);
    const back = page.getByRole("link", { name: "回到顶部" });
    await expect(back).toBeHidden();
    await page.locator(".entry").nth(8).scrollIntoViewIfNeeded();
    await expect(back).toBeVisible();
    await back.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page).toHaveURL(new RegExp(`${FAQ}$`));
    await expect(page.locator("main h1")).toBeFocused();
  });

});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the index is an open, sticky column beside answers of about 40 characters a line, marking the question being read", async ({ page }) => {
    await page.goto(FAQ);
    const index = page.getByRole("navigation", { name: "本页问题" });
    await expect(index.locator("details")).toHaveAttribute("open");
    await expect(index.getByRole("link")).toHaveCount(14);
    const answer = page.locator(".entry__answer").first();
    const [indexBox, answerBox] = [(await index.boundingBox())!, (await answer.boundingBox())!];
    expect(indexBox.x + indexBox.width, "index left of the answers").toBeLessThanOrEqual(answerBox.x);
    const fontSize = await answer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(answerBox.width / fontSize, "measure in characters").toBeLessThanOrEqual(41);
    expect(answerBox.width / fontSize).toBeGreaterThanOrEqual(30);
    await expect(index.locator("a[aria-current]")).toHaveCount(1);
    await expect(index.locator("a[aria-current]")).toHaveText(/如何解除账号的实名认证/);
    await page.locator("#faceiderr").evaluate((h) => h.scrollIntoView({ block: "start" }));
    await expect(index.locator("a[aria-current]")).toHaveText(FACE);
    expect((await index.boundingBox())!.y, "sticky below the header").toBeGreaterThanOrEqual(64);
  });

  test("the index marks a question opened by its link, also one too near the end to scroll to the top", async ({ page }) => {
    await page.goto(FAQ);
    const index = page.getByRole("navigation", { name: "本页问题" });
    const links = index.getByRole("link");
    const last = (await links.count()) - 1; // the last question cannot scroll up to the top of the reading area
    const question = (await links.nth(last).textContent())!;
    await links.nth(last).click();
    await expect(index.locator("a[aria-current]")).toHaveText(question);
    // Opened by a deep link from elsewhere, the same.
    const href = await links.nth(last).getAttribute("href");
    await page.goto("/");
    await page.goto(`${FAQ}${href}`);
    await expect(index.locator("a[aria-current]")).toHaveText(question);
    // Scrolled away from it, the index follows the reading again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(index.locator("a[aria-current]")).toHaveText(/如何解除账号的实名认证/);
  });

  test("the home page puts popular questions beside the categories", async ({ page }) => {
    await page.goto("/");
    const popular = (await page.getByRole("region", { name: "热门问题" }).boundingBox())!;
    const categories = (await page.getByRole("region", { name: "问题分类" }).boundingBox())!;
    expect(Math.abs(popular.y - categories.y)).toBeLessThan(40);
    expect(popular.x + popular.width).toBeLessThanOrEqual(categories.x);
    expect(popular.width + categories.width).toBeGreaterThan(900);
  });
});

test("tables scroll sideways instead of breaking words", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(FAQ);
  // The seed page has no table: one is put into an answer to see how the site's CSS lays it out.
  const table = await page.locator(".entry__answer").first().evaluateHandle((answer) => {
    answer.insertAdjacentHTML("beforeend", "<table><thead><tr><th>寄送方式</th><th>开票类型</th><th>说明</th></tr></thead><tbody><tr><td>寄送方式</td><td>电子发票</td><td>电子发票开具后发送到您填写的邮箱，纸质发票由快递寄送到您填写的地址，一般三到五个工作日送达。</td></tr></tbody></table>");
    return answer.querySelector("table")!;
  });
  // Lines of text in each four-character cell (the three headers, the first cell): one each.
  const lines = await table.evaluate((t) =>
    [...t.querySelectorAll("th, td")].slice(0, 5).filter((_, i) => i !== 2).map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );
  expect(lines).toEqual([1, 1, 1, 1]);
  expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === "auto")).toBe(true);
  // A box that scrolls can be scrolled by keyboard: it takes focus (checked again on resize).
  await page.evaluate(() => window.dispatchEvent(new Event("resize")));
  await expect.poll(() => table.evaluate((t) => t.getAttribute("tabindex"))).toBe("0");
});

test.describe("search box keys", () => {
  test("Tab goes brand → search → theme, in the order they appear", async ({ page }) => {
    await page.goto(FAQ);
    await page.locator("body").focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => { const el = document.activeElement as HTMLElement; return el.className || el.tagName; }));
    }
    expect(order).toEqual(["skip-link", "site-header__brand", "search__input", "theme-toggle"]);
    const [search, toggle] = [(await page.locator(".site-header .search__input").boundingBox())!, (await page.locator(".theme-toggle").boundingBox())!];
    expect(search.x).toBeLessThan(toggle.x);
  });

  test("Esc closes the popup, a second Esc clears the box", async ({ page }) => {
    await page.goto(FAQ);
    const box = page.getByRole("combobox", { name: "搜索问题" });
    await box.fill("实名认证");
    await expect(page.getByRole("option").first()).toBeVisible();
    await box.press("Escape");
    await expect(page.getByRole("listbox")).toBeHidden();
    await expect(box).toHaveValue("实名认证");
    await box.press("Escape");
    await expect(box).toHaveValue("");
    await expect(box).toBeFocused();
    await box.pressSequentially("人脸");
    await expect(page.getByRole("option").first()).toBeVisible(); // typing again opens it again
  });
});

test("an empty /search/ offers the popular questions and says what search understands; a query hides them", async ({ page }) => {
  await page.goto("/search/");
  await expect(page.getByRole("heading", { name: "热门问题" })).toBeVisible();
  await expect(page.getByRole("link", { name: FACE })).toBeVisible();
  await expect(page.getByText("拼音首字母")).toBeVisible();
  await page.goto(`/search/?q=${encodeURIComponent("rlsb")}`);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^“rlsb”的 \d+ 个结果$/); // no stray space
  await expect(page.getByRole("link", { name: FACE }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "热门问题" })).toBeHidden();
});

test("the 404 page has a title of its own", async ({ page }) => {
  await page.goto("/no-such-page/");
  await expect(page).toHaveTitle("页面不存在 - 云服务帮助中心");
});
