import { type Reason, REASONS } from "@/collector/protocol";
import { enqueue, onSendResult, uuid } from "./feedback-queue";

/** This browser's vote per question (`/page/#id` → [vote id, version, helpful 1/0, reason]): shown again on return, changed in place. */
const KEY = "faq-votes";
type Stored = [string, number, number, Reason | null];

function votes(): Record<string, Stored> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

let lastStatus: HTMLElement | null = null;
onSendResult((ok) => {
  if (!ok && lastStatus && !lastStatus.dataset.offline) {
    lastStatus.dataset.offline = "";
    // Not "the network is down": a busy collector (429, 503) keeps it for later just the same.
    lastStatus.append(" 暂时没有送达，反馈已保存在本机，稍后会自动发送。");
  }
});

/**
 * 这个回答有帮助吗？ under an answer (components/faq-entry.tsx renders the question and the two
 * buttons, so nothing moves when this runs). 有帮助 thanks the reader; 没帮助 offers the reasons, one
 * tap, then an optional comment with 提交, then thanks with the support link. Every step sends the
 * vote again with a higher version; pressing the other button changes the vote.
 */
export function enableVote(root: HTMLElement): void {
  const question = root.dataset.vote!;
  const key = `${decodeURIComponent(location.pathname)}#${question}`;
  const [yes, no] = root.querySelectorAll<HTMLButtonElement>(".vote__choice");
  const more = root.querySelector<HTMLElement>(".vote__more")!;
  const status = root.querySelector<HTMLElement>(".vote__status")!;
  const stored = votes()[key] ?? [uuid(), 0, -1, null];
  const vote = stored[0];
  let [, seq, helpful, reason] = stored;
  let comment: string | null = null;

  function send(): void {
    const all = votes();
    all[key] = [vote, ++seq, helpful, reason];
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      /* not kept across pages: the vote is still sent */
    }
    const page = key.slice(0, key.indexOf("#"));
    enqueue({ type: "vote", vote, seq, page, question, helpful: helpful === 1, reason: helpful ? null : reason, comment: helpful ? null : comment });
    lastStatus = status;
  }

  function pressed(): void {
    yes.setAttribute("aria-pressed", String(helpful === 1));
    no.setAttribute("aria-pressed", String(helpful === 0));
  }

  function say(...text: (Node | string)[]): void {
    delete status.dataset.offline;
    status.replaceChildren(...text);
  }

  function thank(): void {
    more.replaceChildren();
    const support = el("a", { href: SUPPORT_URL, target: "_blank", rel: "noopener noreferrer" }, "联系在线客服");
    say("感谢您的反馈，我们会尽快改进这个回答。问题仍未解决？", support);
    status.focus();
  }

  function reasons(): void {
    const buttons = REASONS.map(([code, label]) => {
      const b = el("button", { type: "button", className: "vote__reason", textContent: label });
      b.setAttribute("aria-pressed", String(code === reason));
      b.onclick = () => {
        reason = code;
        buttons.forEach((x) => x.setAttribute("aria-pressed", String(x === b)));
        send();
        form();
      };
      return b;
    });
    const group = el("div", { className: "vote__reasons" }, el("span", { textContent: "哪里没帮到您？" }), ...buttons);
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "哪里没帮到您？");
    more.replaceChildren(group);
  }

  function form(): void {
    if (more.querySelector("form")) return;
    const text = el("textarea", { maxLength: 500, rows: 3, className: "vote__text" });
    const count = el("span", { className: "vote__count", textContent: "0/500" });
    text.oninput = () => (count.textContent = `${text.value.length}/500`);
    const f = el("form", { className: "vote__comment" }, el("label", {}, "补充说明（选填）", text), count, el("button", { type: "submit", className: "button", textContent: "提交" }));
    f.onsubmit = (e) => {
      e.preventDefault();
      comment = text.value.trim() || null;
      if (comment) send();
      thank();
    };
    more.append(f);
  }

  yes.onclick = () => {
    helpful = 1;
    reason = null;
    pressed();
    send();
    more.replaceChildren();
    say("感谢您的反馈！");
  };
  no.onclick = () => {
    if (helpful !== 0) {
      helpful = 0;
      pressed();
      send();
    }
    say("");
    reasons();
  };
  pressed();
}
