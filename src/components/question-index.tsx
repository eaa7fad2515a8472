import type { Entry, Section } from "@/content";

/**
 * Up to this many questions the index is open on phones; a longer one starts folded, so the first
 * answer is on the first screen (the seed page's 14 questions used to push it 1.2 screens down).
 */
export const INDEX_OPEN_UP_TO = 5;

/**
 * The page's questions as a linked list, grouped like the page. A `<details>`: folded or open as
 * the server renders it, on a phone. On a wide screen it is a sticky column beside the answers,
 * shown open by CSS before any script runs (`data-folded` marks one the server folded), which
 * src/client/question-index.ts then opens for real and keeps on the question being read.
 */
export function QuestionIndex({ sections }: { sections: (Pick<Section, "id" | "title"> & { entries: Pick<Entry, "id" | "question">[] })[] }) {
  const count = sections.reduce((n, s) => n + s.entries.length, 0);
  const open = count <= INDEX_OPEN_UP_TO;
  return (
    <nav aria-label="本页问题" className="question-index" data-question-index="">
      <details open={open} data-folded={open ? undefined : ""} className="question-index__fold">
        <summary className="question-index__title">
          本页问题<span className="question-index__count">（{count}）</span>
        </summary>
        <div className="question-index__list">
          {sections.map((section, i) => (
            <div key={section.id ?? i}>
              {section.title && <p className="question-index__group">{section.title}</p>}
              <ol>
                {section.entries.map((e) => (
                  <li key={e.id}>
                    <a href={`#${e.id}`}>{e.question}</a>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </details>
    </nav>
  );
}
