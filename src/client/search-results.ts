import { rememberTerms } from "./landing-terms";
import { announce, announceResults } from "./search-activity";
import { searchHitContent } from "./search-hit";
import { createSearchRunner, type SearchState } from "./search-runner";

/**
 * The full result list of `/search/?q=…` (a shareable query, read from the address bar) under the
 * server-rendered form of components/search-results.tsx.
 */
export function enhanceSearchResults(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("input[name=q]")!;
  const summary = root.querySelector<HTMLElement>(".search-page__summary")!;
  const list = root.querySelector<HTMLOListElement>(".results")!;
  const empty = root.querySelector<HTMLElement>(".empty")!;
  let query = "";
  const runner = createSearchRunner(root.dataset.indexUrl!, announceResults(root, render));

  function render(state: SearchState): void {
    const done = state.searched === query.trim();
    summary.textContent =
      state.status === "error" ? "搜索暂时不可用，请刷新页面重试。"
      : !query.trim() ? "输入关键词搜索问题"
      : !done ? "正在搜索…"
      : state.results.length ? `“${query}”的 ${state.results.length} 个结果`
      : state.related.length ? `没有找到直接回答“${query}”的问题，以下问题可能相关：`
      : `没有找到与“${query}”相关的问题`;
    // No question answers the query: the closest are listed, under a summary that says so.
    const shown = state.results.length ? state.results : state.related;
    list.replaceChildren(...(done ? shown : []).map((hit, i) => {
      const a = document.createElement("a");
      a.href = hit.doc.url;
      a.className = "results__link";
      a.append(searchHitContent(hit));
      a.addEventListener("click", () => {
        announce(root, { kind: "pick", position: state.results.length ? i + 1 : null }); // null: only possibly related
        rememberTerms(hit);
      });
      const li = document.createElement("li");
      li.className = "results__item";
      li.append(a);
      return li;
    }));
    list.hidden = list.children.length === 0;
    empty.hidden = !(done && state.results.length === 0 && query.trim());
    root.dataset.searched = state.searched;
    root.dataset.complete = String(state.complete);
  }

  function read(): void {
    query = new URLSearchParams(window.location.search).get("q") ?? "";
    input.value = query;
    // The start panel (popular questions) shows for an empty query only (SEARCH_QUERY_SCRIPT marks the first load).
    document.documentElement.toggleAttribute("data-search-query", query.trim() !== "");
    render(runner.state);
    void runner.run(query);
  }
  window.addEventListener("popstate", read);
  read();
}
