import { enqueue, flush, uuid } from "./feedback-queue";
import { announce, SEARCH_ACTIVITY, type SearchActivity } from "./search-activity";
import { logSearches, searchLoggingOff } from "./search-log";
import { enableVote } from "./vote-widget";

/**
 * Feedback for the writers (only when the build has a collector, COLLECTOR_URL): the vote under
 * every answer, settled searches, and 没找到 after a search that found nothing. Nothing here is
 * needed for a page to work, and nothing waits for the collector (feedback-queue.ts).
 */
export function enableFeedback(): void {
  document.querySelectorAll<HTMLElement>("[data-vote]").forEach(enableVote);
  const boxes = [...document.querySelectorAll<HTMLElement>("[data-search-box], [data-search-results]")];
  if (!searchLoggingOff()) boxes.forEach(logSearches);
  boxes.forEach(offerNotFound);
  // After the search logs' own pagehide listeners: what they settle goes out with the page.
  addEventListener("pagehide", () => void flush(true));
  setTimeout(() => void flush(), 3000); // left over from an earlier page, once this one has loaded
}

/**
 * 没找到？告诉我们您在找什么 when a search finds nothing: on /search/ a form (its text goes to the
 * report), in the popup a link to it (a hand-over: /search/ counts that search).
 */
function offerNotFound(root: HTMLElement): void {
  const link = root.querySelector<HTMLAnchorElement>(".notfound-offer a");
  const form = root.querySelector<HTMLFormElement>("form.notfound");
  let query = "";
  let arrived = false; // the first search's results are in: the page has landed
  root.addEventListener(SEARCH_ACTIVITY, (event) => {
    const a = (event as CustomEvent<SearchActivity>).detail;
    if (a.kind !== "results") return;
    query = a.query;
    if (link) link.href = `/search/?q=${encodeURIComponent(query)}#notfound`;
    link?.parentElement?.toggleAttribute("hidden", a.count > 0);
    form?.toggleAttribute("hidden", a.count > 0);
    if (form && a.count === 0 && !arrived) landOnForm(form);
    arrived = true;
  });
  link?.addEventListener("click", () => announce(root, { kind: "handover" }));
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = form.querySelector("textarea")!;
    enqueue({ type: "notfound", id: uuid(), query, text: text.value.trim() });
    text.value = "";
    form.querySelector<HTMLElement>("[role=status]")!.textContent = "谢谢！我们会根据您的描述补充内容。";
  });
}

/**
 * Arriving by the popup's 没找到 link (`#notfound`), the reader came to write: the form, hidden
 * until the search found nothing, so the browser could not scroll to it, is brought into view.
 */
function landOnForm(form: HTMLFormElement): void {
  if (window.location.hash !== `#${form.id}`) return;
  form.scrollIntoView({ block: "center" });
  form.querySelector("textarea")?.focus({ preventScroll: true });
}
