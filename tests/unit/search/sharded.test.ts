import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";
import { searchIndexFiles } from "@/search/index-files";
import { memorySource, shardedSource } from "@/search/index-source";
import type { IndexManifest } from "@/search/types";
import { readCases } from "../../../scripts/lib/search-eval";

/**
 * The browser's sharded index gives exactly the results of the whole index in memory: the same
 * engine, fed the files a search asks for, as the worker does.
 */
function engines(dir: string) {
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest, files } = searchIndexFiles(data);
  const whole = createSearchEngine(memorySource(data));
  const sharded = (query: string) => {
    const source = shardedSource(JSON.parse(files[manifest]) as IndexManifest);
    const engine = createSearchEngine(source);
    let rounds = 0;
    for (;;) {
      const answer = engine.searchWithRelated(query);
      const missing = source.missing();
      if (missing.length === 0) return { answer, rounds, loaded: source.loaded(), files: Object.keys(files).length };
      for (const file of missing) source.add(file, JSON.parse(files[file]));
      rounds++;
    }
  };
  return { whole, sharded };
}

describe.each([
  ["the seed page", "content", "tests/fixtures/search-eval/seed-blind.jsonl", 1],
  ["150 real pages", "tests/fixtures/qcloud-faq", "tests/fixtures/search-eval/corpus-public.jsonl", 0.25],
])("the sharded index over %s", (_, dir, cases, share) => {
  const { whole, sharded } = engines(path.resolve(dir));
  const queries = readCases(cases).map((c) => c.q);

  it("answers every query as the whole index does", () => {
    for (const q of queries) expect(sharded(q).answer, q).toEqual(whole.searchWithRelated(q));
  });

  it(`fetches at most ${share * 100} % of the index files for a first search, in at most three rounds after the manifest`, () => {
    for (const q of queries) {
      const run = sharded(q);
      expect(run.rounds, q).toBeLessThanOrEqual(3);
      expect(run.loaded, q).toBeLessThanOrEqual(run.files * share);
    }
  });
});
