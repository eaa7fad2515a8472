import type { Section } from "@/content";

/** The page's questions as a linked list, grouped like the page. */
export function QuestionIndex({ sections }: { sections: Section[] }) {
  return (
    <nav aria-labelledby="question-index-title" className="question-index">
      <h2 id="question-index-title" className="question-index__title">本页问题</h2>
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
    </nav>
  );
}
