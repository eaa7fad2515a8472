/**
 * A permalink to the question, beside it: a plain `#id` link that goes to the question; with
 * JavaScript (src/client/copy-link.ts) a click also copies the full URL, ready to paste into a
 * support chat, shows a tick and says so in the status. An icon of fixed size: nothing around it
 * moves when it changes.
 */
export function CopyLink({ id, question }: { id: string; question: string }) {
  return (
    <a href={`#${id}`} className="copy-link" aria-label={`复制链接：${question}`} title="复制链接">
      <svg className="copy-link__icon" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
        <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
      </svg>
      <svg className="copy-link__done" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      </svg>
      <span className="visually-hidden" role="status"></span>
    </a>
  );
}
