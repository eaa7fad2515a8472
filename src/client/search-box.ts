import type { SearchHit } from "@/search/types";
import { rememberTerms } from "./landing-terms";
import { announce, announceResults } from "./search-activity";
import { searchHitContent } from "./search-hit";
import { createSearchRunner, type SearchState } from "./search-runner";

/**
 * Typing pauses this long before a search: enough to take a burst (a key held down, a paste) as one
 * search, short because the engine answers in milliseconds and the wait counts in every keystroke's
 * time to results (60 ms until stop 19; see README "Search quality").
 */
export const DEBOUNCE_MS = 30;

/** A pause this long in typing makes a short query that found nothing a search that found nothing. */
const TYPING_PAUSE_MS = 1500;

/**
 * Search as you type: turns the server-rendered box (components/search-box.tsx, a plain form that
 * submits to /search/ without JavaScript) into an ARIA combobox with a listbox of questions.
 */
export function enhanceSearchBox(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>(".search__input")!;
  const popup = root.querySelector<HTMLElement>(".search__popup")!;
  const list = root.querySelector<HTMLUListElement>(".search__list")!;
  const status = root.querySelector<HTMLElement>(".search__status")!;
  const empty = root.querySelector<HTMLElement>(".search__empty")!;
  const note = root.querySelector<HTMLElement>(".search__note")!;
  let open = false;
  let active = -1; // -1 is the input itself; 0… the options
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: SearchHit[] = [];
  let typedAt = -Infinity;
  const runner = createSearchRunner(root.dataset.indexUrl!, announceResults(root, render));
  const query = () => input.value.trim();
  const resultsUrl = () => `/search/?q=${encodeURIComponent(query())}`;

  function render(state: SearchState = runner.state): void {
    // No question answers the query: the closest are offered, said to be only possibly related.
    const offered = state.results.length ? state.results : state.related;
    if (offered !== shown) {
      shown = offered;
      active = -1;
      list.replaceChildren(...shown.map(option));
    }
    const showList = open && query() !== "" && (shown.length > 0 || state.searched === query() || state.status === "error");
    popup.hidden = !showList;
    input.setAttribute("aria-expanded", String(showList));
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    if (showList && active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
    const answered = state.results.length > 0;
    // A word being typed (人, ren) that finds nothing yet is no failed search: no "nothing found"
    // panel until typing pauses (a short query may be all there is to it: VPN, 卡).
    const typing = !answered && shown.length === 0 && stillTyping(query()) && performance.now() - typedAt < TYPING_PAUSE_MS;
    note.hidden = answered || shown.length === 0; // possibly related: said above them
    status.replaceChildren(
      state.status === "error" ? "搜索暂时不可用，请刷新页面重试。"
      : answered ? `${shown.length} 个相关问题`
      : shown.length ? `${shown.length} 个可能相关的问题`
      : typing ? "继续输入以查找问题…"
      : "没有找到相关问题",
    );
    if (answered) status.append(" · ", allResultsLink());
    empty.hidden = typing || !(query() && state.searched === query() && !answered && state.status !== "error");
    root.dataset.searched = state.searched; // the query the shown results belong to (tests, benchmarks)
    root.dataset.complete = String(state.complete); // false while more index files are on their way
  }

  function option(hit: SearchHit, i: number): HTMLLIElement {
    const li = document.createElement("li");
    li.id = `${list.id}-${i}`;
    li.setAttribute("role", "option");
    li.className = "search__option";
    li.append(searchHitContent(hit));
    li.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus (and the popup) in the box
    li.addEventListener("click", () => follow(hit));
    li.addEventListener("mousemove", () => {
      if (active === i) return;
      active = i;
      render();
    });
    return li;
  }

  function allResultsLink(): HTMLAnchorElement {
    const a = document.createElement("a");
    a.href = resultsUrl();
    a.textContent = "查看全部结果";
    a.addEventListener("mousedown", (e) => e.preventDefault());
    a.addEventListener("click", () => announce(root, { kind: "handover" }));
    return a;
  }

  function follow(hit: SearchHit): void {
    // A possibly related question is no answer: the search stays one that found nothing.
    announce(root, { kind: "pick", position: runner.state.results.includes(hit) ? shown.indexOf(hit) + 1 : null });
    rememberTerms(hit);
    window.location.assign(hit.doc.url);
  }

  /**
   * What Enter opens: the option chosen with the arrows, else the first answer to the query as
   * typed. Nothing when the popup is closed, or offers only possibly related questions: then
   * /search/ shows the query's page, with the way to support and the 没找到 form.
   */
  function chosen(): SearchHit | undefined {
    if (popup.hidden) return undefined;
    if (active >= 0) return shown[active];
    const answers = runner.state.results.length > 0 && runner.state.searched === query();
    return answers ? shown[0] : undefined;
  }

  function search(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void runner.run(input.value), DEBOUNCE_MS);
  }

  input.addEventListener("focus", () => {
    open = true;
    render();
    void runner.prepare();
  });
  input.addEventListener("blur", () => {
    open = false;
    render();
  });
  input.addEventListener("input", () => {
    open = true;
    active = -1; // an option chosen for the earlier text is not chosen for this one
    typedAt = performance.now();
    setTimeout(() => render(), TYPING_PAUSE_MS);
    if (!composing) search(); // a pinyin IME is still composing: wait for the characters
    render();
  });
  input.addEventListener("compositionstart", () => (composing = true));
  input.addEventListener("compositionend", () => {
    composing = false;
    clearTimeout(timer);
    void runner.run(input.value);
  });
  empty.addEventListener("mousedown", (e) => e.preventDefault());
  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.keyCode === 229) return; // Enter confirms IME text
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      open = true;
      // Positions run -1 (the input itself) to the last result, and wrap around.
      const next = active + (event.key === "ArrowDown" ? 1 : -1);
      active = next >= shown.length ? -1 : next < -1 ? shown.length - 1 : next;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault(); // the form would submit to /search/: do better when results are here
      const hit = chosen();
      if (hit) follow(hit);
      else if (query()) {
        announce(root, { kind: "handover" }); // /search/ counts this search
        window.location.assign(resultsUrl());
      }
    } else if (event.key === "Escape") {
      // Esc closes the popup; a second Esc clears the box; a third leaves it.
      event.preventDefault();
      if (!popup.hidden) {
        open = false;
        render();
      } else if (input.value) {
        input.value = "";
        void runner.run("");
        render();
      } else input.blur();
    }
  });
  // Typed before this script ran (a slow phone): search it now.
  if (input.value.trim()) search();
  render();
}

/** A query too short to say what is sought: one Chinese character, or a Latin word of up to three letters (ren, rl). */
function stillTyping(query: string): boolean {
  return /^(\p{Script=Han}|[a-z]{1,3})$/iu.test(query);
}

/** `/` focuses the visible search box, unless the user is typing somewhere else. */
export function focusSearchOnSlash(): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const el = event.target as HTMLElement | null;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    const box = [...document.querySelectorAll<HTMLInputElement>("[data-search-box] .search__input")].find((i) => i.offsetParent !== null);
    if (!box) return;
    event.preventDefault();
    box.focus();
  });
}
