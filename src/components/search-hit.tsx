import type { SearchHit } from "@/search/types";
import { Highlight, snippet } from "./highlight";

/** One result: the question with its matches marked, a snippet of the answer, and where it lives. */
export function SearchHitView({ hit }: { hit: SearchHit }) {
  const answer = snippet(hit.doc.answer, hit.highlights.answer);
  return (
    <>
      <span className="hit__question">
        <Highlight text={hit.doc.question} ranges={hit.highlights.question} />
      </span>
      <span className="hit__snippet">
        <Highlight text={answer.text} ranges={answer.ranges} />
      </span>
      <span className="hit__where">
        {hit.doc.category} › {hit.doc.page}
      </span>
    </>
  );
}
