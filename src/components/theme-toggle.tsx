import { THEME_LABELS, THEMES, type Theme } from "@/lib/theme";

/**
 * The colour-theme button: follow the system → light → dark. Rendered with every icon; CSS shows the
 * one for `data-theme-choice`. src/client/theme-toggle.ts makes it work, and until then it is
 * invisible (keeping its space, so nothing shifts), because without JavaScript it could not work.
 */
export function ThemeToggle() {
  return (
    // suppressHydrationWarning: only `next dev` hydrates, after the page script has set these attributes.
    <button type="button" className="theme-toggle" data-theme-choice="system" suppressHydrationWarning aria-label={`颜色主题：${THEME_LABELS.system}`} title={`颜色主题：${THEME_LABELS.system}`}>
      {THEMES.map((theme) => <ThemeIcon key={theme} theme={theme} />)}
    </button>
  );
}

function ThemeIcon({ theme }: { theme: Theme }) {
  const common = { width: 20, height: 20, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, "aria-hidden": true, className: `theme-toggle__icon theme-toggle__icon--${theme}` } as const;
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
