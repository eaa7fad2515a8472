import { getSearchIndexFile } from "@/lib/search-index";

// Written to `out/search-index/index.<hash>.json` at build time; never run on a server.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return [{ file: getSearchIndexFile().file }];
}

export function GET() {
  return new Response(getSearchIndexFile().json, { headers: { "content-type": "application/json; charset=utf-8" } });
}
