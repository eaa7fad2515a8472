"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { SearchConfig } from "@/lib/search-config";
import type { SearchHit } from "@/search/types";
import { rememberTerms } from "./landing-terms";
import { NoResults } from "./no-results";
import { SearchHitView } from "./search-hit";
import { useSearch } from "./use-search";

type Props = { config: SearchConfig; size?: "header" | "hero" };

const LIMIT = 8;
/** Typing pauses this long before a search; short, because the engine answers in milliseconds. */
const DEBOUNCE_MS = 60;

/** Search as you type: an ARIA combobox with a listbox of questions. */
export function SearchBox({ config, size = "header" }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const { status, results, searched, run, prepare } = useSearch(config.indexUrl, LIMIT);
  // The highlighted option belongs to one result list; a new list starts with none.
  const [selection, setSelection] = useState({ results, index: -1 });
  const active = selection.results === results ? selection.index : -1;
  const setActive = (next: (index: number) => number) => setSelection({ results, index: next(active) });

  useEffect(() => {
    if (composing.current) return; // a pinyin IME is still composing: wait for the characters
    const timer = setTimeout(() => void run(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, run]);
  useSlashShortcut(input);

  const listId = `${id}-list`;
  const showList = open && query.trim() !== "" && (results.length > 0 || searched === query.trim() || status === "error");
  const go = (url: string) => window.location.assign(url);
  const follow = (hit: SearchHit) => {
    rememberTerms(hit);
    go(hit.doc.url);
  };
  const fullResultsUrl = `/search/?q=${encodeURIComponent(query.trim())}`;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return; // Enter confirms IME text
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Positions run -1 (the input itself) to the last result, and wrap around.
      setActive((a) => {
        const next = a + step;
        return next >= results.length ? -1 : next < -1 ? results.length - 1 : next;
      });
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = results[active] ?? results[0];
      if (hit) follow(hit);
      else if (query.trim()) go(fullResultsUrl);
    } else if (event.key === "Escape") {
      if (open && query) setOpen(false);
      else input.current?.blur();
    }
  }

  return (
    // data-searched names the query the shown results belong to (for tests and benchmarks).
    <div className={`search search--${size}`} role="search" aria-label={size === "hero" ? "搜索问题" : "全站搜索"} data-searched={searched}>
      <label htmlFor={`${id}-input`} className="visually-hidden">搜索问题</label>
      <input
        ref={input}
        id={`${id}-input`}
        // type="text" + inputMode: the HTML spec allows role=combobox on a text input, not on type=search.
        type="text"
        inputMode="search"
        className="search__input"
        placeholder="搜索问题，如：人脸识别失败"
        autoComplete="off"
        enterKeyHint="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 && active < results.length ? `${id}-opt-${active}` : undefined}
        value={query}
        onFocus={() => { setOpen(true); void prepare(); }}
        onBlur={() => setOpen(false)}
        onChange={(e) => { setQuery(e.target.value); setOpen(true); }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(e) => { composing.current = false; setQuery(e.currentTarget.value); void run(e.currentTarget.value); }}
        onKeyDown={onKeyDown}
      />
      <kbd className="search__kbd" aria-hidden="true">/</kbd>
      <div className="search__popup" hidden={!showList}>
        <ul id={listId} role="listbox" aria-label="搜索结果" className="search__list">
          {results.map((hit, i) => (
            <li
              key={hit.doc.url}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => follow(hit)}
              onMouseMove={() => setActive(() => i)}
            >
              <SearchHitView hit={hit} />
            </li>
          ))}
        </ul>
        <p className="search__status" aria-live="polite">
          {status === "error" ? "搜索暂时不可用，请刷新页面重试。" : results.length === 0 ? "没有找到相关问题" : `${results.length} 个相关问题`}
          {results.length > 0 && (
            <>
              {" · "}
              <a href={fullResultsUrl} onMouseDown={(e) => e.preventDefault()}>查看全部结果</a>
            </>
          )}
        </p>
        {status !== "error" && results.length === 0 && searched === query.trim() && (
          <div className="search__empty" onMouseDown={(e) => e.preventDefault()}>
            <NoResults config={config} />
          </div>
        )}
      </div>
    </div>
  );
}

/** `/` focuses the search box, unless the user is typing somewhere else. */
function useSlashShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const el = event.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if (!input.current || input.current.offsetParent === null) return; // hidden copy of the box
      event.preventDefault();
      input.current.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [input]);
}
