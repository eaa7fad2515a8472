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
