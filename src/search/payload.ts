import type { SearchDoc, SearchPayload } from "./types";

/** The index file → one record per question, as the engine and the UI use them. */
export function expandPayload(payload: SearchPayload): SearchDoc[] {
  return payload.docs.map(([p, id, q, a, keywords]) => {
    const [url, page, category] = payload.pages[p];
    const [question, pinyin] = payload.questions[q];
    return { id, url: `${url}#${id}`, question, answer: payload.answers[a], page, category, keywords, syllables: pinyin ? pinyin.split(" ") : [] };
  });
}
