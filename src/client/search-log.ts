import { enqueue, uuid } from "./feedback-queue";
import { SEARCH_ACTIVITY, type SearchActivity } from "./search-activity";
import { createSettleTracker } from "./search-settle";

/**
 * Logs the settled searches of one search UI (the box or the /search/ page, `root`): the
 * settle rule (search-settle.ts) fed with what the UI announces (search-activity.ts) and with the
 * reader's typing, IME composition and leaving, in the box's input or the page.
 */
export function logSearches(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("input[name=q]");
  let id = "";
  const tracker = createSettleTracker(
    ({ query, results, position }) => enqueue({ type: "search", id: (id = uuid()), query, results, position }),
    (position) => enqueue({ type: "click", search: id, position }),
  );
  root.addEventListener(SEARCH_ACTIVITY, (event) => {
    const a = (event as CustomEvent<SearchActivity>).detail;
    if (a.kind === "results") tracker.results(a.query, a.count);
    else if (a.kind === "pick") tracker.pick(a.position);
    else tracker.handover();
  });
  input?.addEventListener("input", tracker.typing);
  input?.addEventListener("compositionstart", () => tracker.compose(true));
  input?.addEventListener("compositionend", () => tracker.compose(false));
  input?.addEventListener("blur", tracker.leave);
  addEventListener("pagehide", tracker.leave);
}

/** Readers who ask not to be tracked (Do Not Track, Global Privacy Control): their searches are not logged. */
export const searchLoggingOff = () => navigator.doNotTrack === "1" || (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
