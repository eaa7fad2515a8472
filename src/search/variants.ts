import * as OpenCC from "opencc-js/t2cn";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import { foldVariant } from "./text";

/**
 * Build side only (Node): the traditional → simplified pairs the index carries, from OpenCC's
 * tables (Taiwan, Hong Kong and standard traditional forms). Only characters that become one the
 * content uses are kept, so the browser gets a few hundred pairs, not OpenCC's thousands; a
 * character the content itself uses is never folded.
 */
export function traditionalPairs(contentChars: Set<string>): string {
  const converters = (["tw", "hk", "t"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
  const candidates = new Set<string>();
  for (const table of [TSCharacters, TWVariantsRev, HKVariantsRev] as string[]) {
    for (const entry of table.split("|")) for (const c of Array.from(entry.split(" ")[0] ?? "")) candidates.add(c);
  }
  const pairs: string[] = [];
  for (const c of [...candidates].sort()) {
    if (contentChars.has(c)) continue;
    const converted = converters.map((convert) => convert(c)).find((s) => s !== c && Array.from(s).length === 1);
    const simplified = converted && foldVariant(converted); // 帳 → 帐 → 账, as the content writes it
    if (simplified && contentChars.has(simplified)) pairs.push(c + simplified);
  }
  return pairs.join("");
}
