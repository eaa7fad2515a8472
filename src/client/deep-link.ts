import { safeDecode } from "@/lib/url";
import { markLandingTerms } from "./landing-terms";
import { revealTarget } from "./tabs";

const MARK = "data-targeted";

/**
 * Lands deep links on their question. The browser already scrolls to `#id` on a cold load (and CSS
 * `:target` highlights it without JavaScript), but on back/forward it restores the old scroll
 * position instead; this scrolls to the question on every hash change and marks it for the
 * highlight. Percent-encoded fragments (Chinese automatic ids) are decoded first.
 */
export function landDeepLinks(): void {
  const land = (scroll: boolean) => {
    document.querySelector(`[${MARK}]`)?.removeAttribute(MARK);
    const hash = window.location.hash; // before findTarget, which may correct the address
    const target = findTarget(hash);
    tellMissed(target ? "" : hash);
    if (!target) return;
    target.setAttribute(MARK, "");
    markLandingTerms(target);
    // The browser scrolled only if the id matched and the target was visible.
    const browserMissed = target.offsetParent === null || target.id !== safeDecode(hash.slice(1));
    revealTarget(target);
    if (scroll || browserMissed) target.scrollIntoView({ block: "start" });
  };
  land(false); // the browser has scrolled already; scrolling again would fight the user
  window.addEventListener("hashchange", () => land(true));
}

/**
 * Says so when the page was opened at a fragment nothing on it has (`MissedLink`), offering a search
 * for the fragment's words (an automatic anchor is its question's text). `#top` is the top of the
 * page by the HTML standard, and no miss.
 */
function tellMissed(hash: string): void {
  const notice = document.querySelector<HTMLElement>("[data-missed-link]");
  if (!notice) return;
  const words = safeDecode(hash.slice(1)).replace(/[-_]+/g, " ").trim();
  notice.hidden = !words || words.toLowerCase() === "top";
  const search = notice.querySelector<HTMLAnchorElement>("[data-missed-link-search]");
  if (search && !notice.hidden) {
    const useful = /[\p{Script=Han}]|[a-z]{3}/iu.test(words);
    // Cut by characters, not UTF-16 units: half an emoji would make encodeURIComponent throw.
    const chars = Array.from(words);
    search.href = useful ? `/search/?q=${encodeURIComponent(chars.slice(0, 60).join(""))}` : "/search/";
    search.textContent = useful ? `搜索“${chars.slice(0, 30).join("")}”` : "搜索";
  }
}

function findTarget(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  const raw = hash.slice(1);
  const id = safeDecode(raw);
  return document.getElementById(raw) ?? document.getElementById(id) ?? findRenamed(id);
}

/**
 * Links published before an anchor was renamed: a writer-listed alias (`data-aliases`), or the old
 * documentation site's fragment, the heading text percent-encoded with `.` for `%` (`#.E5.A6.82…`);
 * and ids written loosely (case, punctuation). The address is corrected to the current id, so a
 * copied link is the new one.
 */
function findRenamed(id: string): HTMLElement | null {
  const aliased = [...document.querySelectorAll<HTMLElement>("[data-aliases]")].find((el) => el.dataset.aliases!.split(" ").includes(id));
  const legacy = /^(\.[0-9A-F]{2}|[\w-])+$/i.test(id) && id.includes(".") ? comparable(safeDecode(id.replace(/\.([0-9A-F]{2})/gi, "%$1"))) : null;
  const headings = [...document.querySelectorAll<HTMLElement>(".entry__question, .group > h2")];
  // A link typed or pasted by hand: another case (#FACEIDERR), or the question's punctuation kept (…怎么办？).
  const loose = comparable(id);
  const found =
    aliased ??
    (legacy ? headings.find((h) => comparable(h.textContent ?? "") === legacy) : undefined) ??
    (loose ? headings.find((h) => comparable(h.id) === loose || comparable(h.textContent ?? "") === loose) : undefined);
  if (found?.id) window.history.replaceState(null, "", `#${encodeURIComponent(found.id)}`);
  return found ?? null;
}

/** Heading text without spaces, underscores and punctuation, as old fragments encoded it. */
function comparable(text: string): string {
  return text.replace(/[\s_\p{P}]/gu, "").toLowerCase();
}
