import { nextTheme, parseTheme, THEME_LABELS, THEME_STORAGE_KEY, type Theme } from "@/lib/theme";

/**
 * The header's theme button (components/theme-toggle.tsx) cycles follow the system → light → dark.
 * The choice is applied before the first paint by the <head> script (PRE_PAINT_SCRIPT); this only
 * changes and stores it. The button is invisible until this runs (keeping its space, so nothing
 * shifts), because without JavaScript it could not work.
 */
export function enableThemeToggles(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>(".theme-toggle");
  const show = (theme: Theme) =>
    buttons.forEach((b) => {
      b.dataset.ready = "";
      b.dataset.themeChoice = theme;
      b.setAttribute("aria-label", `颜色主题：${THEME_LABELS[theme]}（点击切换为${THEME_LABELS[nextTheme(theme)]}）`);
      b.title = `颜色主题：${THEME_LABELS[theme]}`;
    });
  const current = () => parseTheme(document.documentElement.dataset.theme);
  buttons.forEach((b) => b.addEventListener("click", () => show(apply(nextTheme(current())))));
  show(current());
}

function apply(theme: Theme): Theme {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage disabled (private mode): the choice lasts for this page only.
  }
  return theme;
}
