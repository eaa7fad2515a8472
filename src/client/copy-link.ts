/**
 * Permalinks to questions (components/copy-link.tsx): a plain `#id` link that goes to the question;
 * with JavaScript, a click also copies the full URL, ready to paste into a support chat, and the
 * link shows a tick for two seconds.
 */
export function copyLinksOnClick(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a.copy-link");
    if (link) void copy(link);
  });
}

async function copy(link: HTMLAnchorElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(link.href);
  } catch {
    return; // no clipboard (insecure context or denied): the link still went to the question
  }
  const status = link.querySelector("[role=status]")!;
  link.setAttribute("data-copied", ""); // the icon becomes a tick, at the same size
  status.textContent = "链接已复制";
  setTimeout(() => {
    link.removeAttribute("data-copied");
    status.textContent = "";
  }, 2000);
}
