import path from "node:path";

/**
 * The content folder: `CONTENT_DIR` (relative to the working directory) or `content/`.
 * Every command (build, dev, search, check) reads it through here. Its own module, so that a
 * command that only needs the folder (npm start's build stamp) does not load the whole pipeline.
 */
export function contentDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR || "content");
}
