"use client";

import { useSyncExternalStore } from "react";
import { nextTheme, parseTheme, THEME_LABELS, THEME_STORAGE_KEY, type Theme } from "@/lib/theme";

/**
 * Cycles the colour theme: follow the system → light → dark. The choice is applied before the first
 * paint by the <head> script (PRE_PAINT_SCRIPT); this button only changes and stores it. It is
 * invisible until hydrated (it keeps its space, so nothing shifts) because without JavaScript it
 * could not work.
 */
export function ThemeToggle() {
  // The theme lives on <html data-theme> (the head script may set it before React runs); null on the server.
  const theme = useSyncExternalStore(subscribe, readTheme, () => null);

  function toggle() {
    const next = nextTheme(theme ?? "system");
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage disabled (private mode): the choice lasts for this page only.
    }
  }

  const current = theme ?? "system";
  return (
    <button
      type="button"
      className="theme-toggle"
      data-ready={theme !== null || undefined}
      data-theme-choice={current}
      onClick={toggle}
      aria-label={`颜色主题：${THEME_LABELS[current]}（点击切换为${THEME_LABELS[nextTheme(current)]}）`}
      title={`颜色主题：${THEME_LABELS[current]}`}
    >
      <ThemeIcon theme={current} />
    </button>
  );
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function readTheme(): Theme {
  return parseTheme(document.documentElement.dataset.theme);
}

function ThemeIcon({ theme }: { theme: Theme }) {
  const common = { width: 20, height: 20, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, "aria-hidden": true } as const;
  if (theme === "light")
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  if (theme === "dark")
    return (
      <svg {...common}>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
    </svg>
  );
}
