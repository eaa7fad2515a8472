"use client";

import { useState } from "react";

/**
 * A permalink to the question. Without JavaScript it is a plain `#id` link; with it, a click also
 * copies the full URL, ready to paste into a support chat.
 */
export function CopyLink({ id, question }: { id: string; question: string }) {
  const [copied, setCopied] = useState(false);
  async function copy(event: React.MouseEvent<HTMLAnchorElement>) {
    const url = new URL(`#${id}`, window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      event.preventDefault();
      window.history.replaceState(null, "", `#${encodeURIComponent(id)}`);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (insecure context or denied): the link still navigates to the question.
    }
  }
  return (
    <a href={`#${id}`} className="copy-link" onClick={copy} aria-label={`复制链接：${question}`}>
      <span aria-hidden="true">{copied ? "✓ 已复制" : "# 复制链接"}</span>
      <span className="visually-hidden" role="status">{copied ? "链接已复制" : ""}</span>
    </a>
  );
}
