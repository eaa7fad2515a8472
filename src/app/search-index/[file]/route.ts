import { getSearchIndexFile, getSearchIndexFileNames } from "@/lib/search-index";

// The search index files: `npm run dev` serves them all from here; `npm run build` exports only the
// manifest from here and writes the shards and chunks into `out/search-index/` itself (there are
// hundreds; as exported routes they would slow the build).
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams(): { file: string }[] {
  return getSearchIndexFileNames().map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = getSearchIndexFile((await params).file);
  return body ? new Response(body, { headers: { "content-type": "application/json; charset=utf-8" } }) : new Response("not found", { status: 404 });
}
