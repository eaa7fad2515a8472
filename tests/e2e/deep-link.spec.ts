import { expect, expectLandedOn, FAQ, test } from "./fixtures";

const AUTO_ID = "实名认证审核不通过怎么办";

test("cold deep link to #faceiderr lands below the header, highlighted @phone", async ({ page }) => {
  await page.goto(`${FAQ}#faceiderr`);
  await expectLandedOn(page, "#faceiderr");
  await expect(page.locator("#faceiderr")).toHaveText("使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？");
});

test("a cold deep link shows its question at once, without scrolling through the page to it @phone", async ({ page }) => {
  await page.goto(`${FAQ}#faceiderr`); // resolves at the load event
  const [top, padding] = await page.evaluate(() => [document.getElementById("faceiderr")!.getBoundingClientRect().top, parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)]);
  expect(Math.abs(top - padding)).toBeLessThan(2);
});

test("a percent-encoded Chinese auto anchor lands on its question @phone", async ({ page }) => {
  await page.goto(`${FAQ}#${encodeURIComponent(AUTO_ID)}`);
  await expectLandedOn(page, `[id="${AUTO_ID}"]`);
});

test("same-page links and back/forward move between questions", async ({ page }) => {
  await page.goto(FAQ);
  const index = page.getByRole("navigation", { name: "本页问题" });
  await index.getByRole("link", { name: "使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？" }).click();
  await expectLandedOn(page, "#faceiderr");
  await page.evaluate(() => window.scrollTo(0, 0));
  await index.getByRole("link", { name: "实名认证审核不通过怎么办？" }).click();
  await expectLandedOn(page, `[id="${AUTO_ID}"]`);
  await page.goBack();
  await expect(page).toHaveURL(/#faceiderr$/);
  await expectLandedOn(page, "#faceiderr");
  await page.goForward();
  await expectLandedOn(page, `[id="${AUTO_ID}"]`);
});

test("the copy-link control copies the question's full URL", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(FAQ);
  const link = page.getByRole("link", { name: "复制链接：使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？" });
  await link.click();
  await expect(link.getByRole("status")).toHaveText("链接已复制");
  await expect(link.locator(".copy-link__done")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/account\/real-name-auth\/#faceiderr$/);
});

test("an old dot-encoded fragment of a heading lands on the question and shows its current id", async ({ page }) => {
  const legacy = "." + [...new TextEncoder().encode("实名认证审核不通过怎么办？")].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(".");
  await page.goto(`${FAQ}#${legacy}`);
  await expectLandedOn(page, `[id="${AUTO_ID}"]`);
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(AUTO_ID)}$`));
});

test("an anchor written by hand in another case, or with the question's punctuation, still lands and shows the current id", async ({ page }) => {
  await page.goto(`${FAQ}#FACEIDERR`);
  await expectLandedOn(page, "#faceiderr");
  await expect(page).toHaveURL(/#faceiderr$/);
  await page.goto(`${FAQ}#${encodeURIComponent("实名认证审核不通过怎么办？")}`);
  await expectLandedOn(page, `[id="${AUTO_ID}"]`);
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(AUTO_ID)}$`));
});

test("a broken fragment (a Chinese anchor cut mid-character) opens the page with its scripts working", async ({ page }) => {
  await page.goto(`${FAQ}#%E5%AE`);
  const box = page.getByRole("combobox", { name: "搜索问题" });
  await box.fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText("人脸识别");
});

test("a link to a question the page no longer has says so and offers a search for its words @phone", async ({ page }) => {
  await page.goto(`${FAQ}#${encodeURIComponent("如何修改实名认证手机号")}`);
  const notice = page.getByRole("status").filter({ hasText: "链接指向的问题在本页没有找到" });
  await expect(notice).toBeVisible();
  const search = notice.getByRole("link", { name: "搜索“如何修改实名认证手机号”" });
  await expect(search).toHaveAttribute("href", `/search/?q=${encodeURIComponent("如何修改实名认证手机号")}`);
  // Once the reader picks a question, the notice goes (on a phone, the list of questions is folded).
  const index = page.getByRole("navigation", { name: "本页问题" });
  const pick = index.getByRole("link", { name: "实名认证审核不通过怎么办？" });
  if (!(await pick.isVisible())) await index.locator("summary").click();
  await pick.click();
  await expect(notice).toBeHidden();
  // A link that lands, and #top (the top of the page by the HTML standard), say nothing.
  for (const hash of ["#faceiderr", "#top", ""]) {
    await page.goto(`${FAQ}${hash}`);
    await expect(page.locator("[data-missed-link]")).toBeHidden();
  }
  await page.goto(`${FAQ}#${encodeURIComponent("如何修改实名认证手机号")}`);
  await notice.getByRole("link").click();
  await expect(page).toHaveURL(`/search/?q=${encodeURIComponent("如何修改实名认证手机号")}`);
});

test("a missed link whose words run long, with an emoji where they are cut, keeps the page's scripts working", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${FAQ}#${encodeURIComponent(`${"实".repeat(59)}😀尾`)}`);
  await expect(page.locator("[data-missed-link]")).toBeVisible();
  await expect(page.locator("[data-missed-link-search]")).toHaveAttribute("href", `/search/?q=${encodeURIComponent(`${"实".repeat(59)}😀`)}`);
  await page.getByRole("combobox", { name: "搜索问题" }).fill("人脸识别失败");
  await expect(page.getByRole("option").first()).toContainText("人脸识别");
  expect(errors).toEqual([]);
});
