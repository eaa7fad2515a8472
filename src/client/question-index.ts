import { safeDecode } from "@/lib/url";

/** Must match the CSS breakpoint where the index becomes a column beside the answers (globals.css). */
export const WIDE_LAYOUT = "(min-width: 64em)";

/**
 * The question index (components/question-index.tsx). On a wide screen it is a sticky column, which
 * the CSS already shows open; this opens the `<details>` for real (so it says "expanded"), and marks
 * the question being read with `aria-current`, keeping it in view inside the column. On a phone it
 * stays as the server rendered it: folded on long pages.
 */
export function enhanceQuestionIndex(): void {
  const nav = document.querySelector<HTMLElement>("[data-question-index]");
  const fold = nav?.querySelector<HTMLDetailsElement>("details");
  if (!nav || !fold) return;
  const wide = window.matchMedia(WIDE_LAYOUT);
  const links = [...nav.querySelectorAll<HTMLAnchorElement>("a[href^='#']")];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const layout = () => {
    if (wide.matches && fold.hasAttribute("data-folded")) {
      fold.open = true;
      fold.removeAttribute("data-folded");
    }
    markCurrent();
  };
  let scheduled = false;
  // The question opened by its link (a deep link, a click in the index). The last questions of a
  // page never scroll up to the top of the reading area: at the end of the page, the one opened is
  // marked while it is in view.
  let opened = -1;
  const readHash = () => {
    const id = safeDecode(window.location.hash.slice(1)); // a hand-made #% must not stop the page's scripts
    opened = headings.findIndex((h) => h?.id === id);
  };
  function markCurrent(): void {
    scheduled = false;
    if (!wide.matches) return;
    const below = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
    const top = below + 24;
    const target = headings[opened]?.getBoundingClientRect();
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const pinned = atEnd && !!target && target.bottom > below && target.top < window.innerHeight;
    // Else the last question whose heading has passed the top of the reading area, else the first.
    let current = pinned ? opened : 0;
    if (!pinned) headings.forEach((h, i) => {
      if (h && h.getBoundingClientRect().top <= top) current = i;
    });
    links.forEach((a, i) => (i === current ? a.setAttribute("aria-current", "true") : a.removeAttribute("aria-current")));
    keepInView(nav!, links[current]);
  }
  window.addEventListener("scroll", () => {
    if (!scheduled) requestAnimationFrame(markCurrent);
    scheduled = true;
  }, { passive: true });
  window.addEventListener("hashchange", () => (readHash(), markCurrent()));
  wide.addEventListener("change", layout);
  readHash();
  layout();
}

/** Scrolls the index column (not the page) so the marked link is visible. */
function keepInView(column: HTMLElement, link: HTMLElement | undefined): void {
  if (!link || column.scrollHeight <= column.clientHeight) return;
  const box = column.getBoundingClientRect();
  const item = link.getBoundingClientRect();
  if (item.top < box.top + 8) column.scrollTop -= box.top + 8 - item.top;
  else if (item.bottom > box.bottom - 8) column.scrollTop += item.bottom - (box.bottom - 8);
}
