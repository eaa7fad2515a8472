import type { Entry } from "@/content";
import { FEEDBACK_ON } from "@/lib/config";
import { CopyLink } from "./copy-link";
import { VoteBox } from "./vote-box";

/** A question as a heading (`h2`, or `h3` inside a group) with its answer and a permalink. */
export function FaqEntry({ entry, level, aliases }: { entry: Pick<Entry, "id" | "question" | "html">; level: 2 | 3; aliases?: string[] }) {
  const Heading = `h${level}` as const;
  return (
    <section className="entry" aria-labelledby={entry.id}>
      <div className="entry__head">
        <Heading id={entry.id} className="entry__question" data-aliases={aliases?.length ? aliases.join(" ") : undefined}>
          {entry.question}
        </Heading>
        <CopyLink id={entry.id} question={entry.question} />
      </div>
      <div className="entry__answer prose" dangerouslySetInnerHTML={{ __html: entry.html }} />
      {FEEDBACK_ON && <VoteBox id={entry.id} />}
    </section>
  );
}
