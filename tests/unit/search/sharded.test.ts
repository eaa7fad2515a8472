import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";
import { searchIndexFiles, WARM_BYTES } from "@/search/index-files";
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

describe("the warm shards (fetched in the background after a first search)", () => {
  const dir = path.resolve("tests/fixtures/qcloud-faq");
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest: name, files } = searchIndexFiles(data);
  const manifest = JSON.parse(files[name]) as IndexManifest;

  it("are distinct shards of the index, within the byte budget", () => {
    expect(manifest.warm.length).toBeGreaterThan(0);
    expect(new Set(manifest.warm).size).toBe(manifest.warm.length);
    for (const i of manifest.warm) expect(manifest.shards[i]).toBeDefined();
    const bytes = manifest.warm.reduce((n, i) => n + gzipSync(files[manifest.shards[i]]).length, 0);
    expect(bytes).toBeLessThanOrEqual(WARM_BYTES);
  });

  it("hold the shard of the character in the most questions", () => {
    const [top] = Object.entries(data.shard.chars).sort((a, b) => b[1].length - a[1].length)[0];
    const source = shardedSource(manifest);
    source.chars(top);
    const [needed] = source.missing();
    expect(manifest.warm.map((i) => manifest.shards[i])).toContain(needed);
    source.add(needed, JSON.parse(files[needed]));
    expect(source.chars(top)).toEqual(data.shard.chars[top]);
    expect(source.warm()).not.toContain(needed);
  });
});

describe("fetching ahead (the words most often written after the last character typed)", () => {
  const dir = path.resolve("tests/fixtures/qcloud-faq");
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest: name, files } = searchIndexFiles(data);
  const manifest = JSON.parse(files[name]) as IndexManifest;
  const loadMissing = (source: ReturnType<typeof shardedSource>) => {
    for (const file of source.missing()) source.add(file, JSON.parse(files[file]));
  };

  it("names the shards of the most frequent words after a character once its shard is in, and those hold the words", () => {
    const source = shardedSource(manifest);
    expect(source.ahead("退")).toEqual([]); // its own shard is not loaded yet: nothing asked for
    expect(source.missing()).toEqual([]);
    source.chars("退");
    loadMissing(source);
    const words = Object.entries(data.shard.terms)
      .filter(([t]) => /^退\p{Script=Han}$/u.test(t))
      .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([t]) => t);
    expect(words).toContain("退款");
    const ahead = source.ahead("退");
    expect(ahead.length).toBeGreaterThan(0);
    for (const file of ahead) source.add(file, JSON.parse(files[file]));
    for (const w of words) expect(source.term(w)).toEqual(data.shard.terms[w]);
    expect(source.missing()).toEqual([]);
    expect(source.ahead("退")).toEqual([]);
  });

  it("after a lone letter, names the shards of the two-letter beginnings most common after it (Latin words, pinyin)", () => {
    const source = shardedSource(manifest);
    source.term("r");
    loadMissing(source);
    const ahead = source.ahead("r");
    expect(ahead.length).toBeGreaterThan(0);
    for (const file of ahead) source.add(file, JSON.parse(files[file]));
    // The most common start after r among the questions' pinyin is at hand: its words need no fetch.
    const [start] = Object.entries(data.shard.pinyin)
      .filter(([key]) => /^p:r[a-z]$/.test(key))
      .sort((a, b) => b[1].reduce((n, w) => n + w[2], 0) - a[1].reduce((n, w) => n + w[2], 0))[0];
    expect(source.pinyin(start)).toEqual(data.shard.pinyin[start]);
    expect(source.missing()).toEqual([]);
  });
});
