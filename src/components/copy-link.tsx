/**
 * A permalink to the question: a plain `#id` link; src/client/copy-link.ts also copies the full URL
 * on click, ready to paste into a support chat, and says so in the status.
 */
export function CopyLink({ id, question }: { id: string; question: string }) {
  return (
    <a href={`#${id}`} className="copy-link" aria-label={`复制链接：${question}`}>
      <span aria-hidden="true"># 复制链接</span>
      <span className="visually-hidden" role="status"></span>
    </a>
  );
}
