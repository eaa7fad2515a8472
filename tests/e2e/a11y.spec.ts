import AxeBuilder from "@axe-core/playwright";
import { expect, FAQ, test } from "./fixtures";

const PAGES = { home: "/", category: "/account/", faq: FAQ, search: "/search/?q=实名认证", "empty search": "/search/", "not found": "/no-such-page/" };

// "chosen dark": a light system with dark picked by the theme toggle (stored, applied by the head script).
for (const scheme of ["light", "dark", "chosen dark"] as const) {
  for (const [name, url] of Object.entries(PAGES)) {
    test(`${name} page has no axe violations in ${scheme} mode @phone`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme === "chosen dark" ? "light" : scheme });
      if (scheme === "chosen dark") await page.addInitScript(() => localStorage.setItem("faq-theme", "dark"));
      await page.goto(url);
      if (name === "search") await expect(page.locator(".results__item").first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    });
  }
}

test("each vote group is described by its question, so groups listed by a screen reader tell one answer from another", async ({ page }) => {
  await page.goto(FAQ);
  const group = page.locator('[data-vote="faceiderr"]');
  await expect(group).toHaveAccessibleName("这个回答有帮助吗？");
  await expect(group).toHaveAccessibleDescription("使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？");
});
