/**
 * Colour theme: "system" follows `prefers-color-scheme`; "light" and "dark" are the reader's choice,
 * kept in localStorage and applied as `<html data-theme>`. The CSS does the rest.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = "faq-theme";

/**
 * Runs in <head> before the first paint: applies a stored theme choice (so it never flashes the other
 * one) and sets `data-js`, which tells the CSS that scripts will run, so it can lay out now what they
 * will build later (tab bars) and nothing moves when they do. An inline script: the build hashes it
 * into the page's CSP like Next's own inline scripts.
 */
export const PRE_PAINT_SCRIPT = `document.documentElement.setAttribute("data-js","");try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function parseTheme(value: string | null | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
}

export const THEME_LABELS: Record<Theme, string> = { system: "跟随系统", light: "浅色", dark: "深色" };
