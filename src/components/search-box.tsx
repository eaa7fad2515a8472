import { SEARCH_LIMITS } from "@/search/options";
import type { SearchConfig } from "@/lib/search-config";
import { NoResults } from "./no-results";

type Props = { config: SearchConfig; id: string; size?: "header" | "hero" };

/**
 * The search box. Without JavaScript a plain form that submits to /search/; src/client/search-box.ts
 * makes it an ARIA combobox that answers as you type (the listbox and status are filled there).
 */
export function SearchBox({ config, id, size = "header" }: Props) {
  return (
    <form action="/search/" method="get" className={`search search--${size}`} role="search" aria-label={size === "hero" ? "搜索问题" : "全站搜索"} data-search-box="" data-index-url={config.indexUrl} suppressHydrationWarning>
      <label htmlFor={`${id}-input`} className="visually-hidden">搜索问题</label>
      <input
        id={`${id}-input`}
        name="q"
        // type="text" + inputMode: the HTML spec allows role=combobox on a text input, not on type=search.
        type="text"
        inputMode="search"
        className="search__input"
        placeholder="搜索问题，如：人脸识别失败"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={SEARCH_LIMITS.boxChars}
        role="combobox"
        aria-expanded="false"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
      />
      <kbd className="search__kbd" aria-hidden="true">/</kbd>
      <div className="search__popup" hidden>
        <p className="search__note" hidden>没有找到直接回答的问题，以下问题可能相关：</p>
        <ul id={`${id}-list`} role="listbox" aria-label="搜索结果" className="search__list" />
        <p className="search__status" aria-live="polite">没有找到相关问题</p>
        <div className="search__empty" hidden>
          <NoResults config={config} offer="link" />
        </div>
      </div>
    </form>
  );
}
