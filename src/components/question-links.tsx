import type { FeaturedQuestion } from "@/lib/featured";

/** A list of questions linking to their answers, each with the page it is on (popular questions). */
export function QuestionLinks({ questions }: { questions: FeaturedQuestion[] }) {
  return (
    <ul className="link-list">
      {questions.map((q) => (
        <li key={q.url}>
          <a href={q.url}>{q.question}</a>
          <span className="link-list__where">{q.page}</span>
        </li>
      ))}
    </ul>
  );
}
