import fs from "node:fs";
import path from "node:path";
import { currentBuildDir, previousBuildDir } from "./build-dirs";
import { headerPolicy } from "./headers";

/**
 * What the server reads from one build directory, each once: the names of its files, its pages'
 * policies, its 404 page. A build never changes after it is swapped in (build-dirs.ts), so none of
 * this goes stale; a file the disk loses anyway is reported by the file sender when it is opened.
 */
export class ServedBuild {
  private files: Promise<Set<string>> | null = null;
  private readonly policies = new Map<string, Promise<string>>();
  private notFoundPage: Promise<Buffer> | null = null;

  constructor(readonly dir: string) {}

  /** Whether the build has this file (a `/`-separated name relative to the build). */
  async has(name: string): Promise<boolean> {
    this.files ??= listFiles(this.dir).catch((error: unknown) => {
      this.files = null; // read again next time (the directory went away while it was listed, say)
      throw error;
    });
    return (await this.files.catch(() => new Set<string>())).has(name);
  }

  /** The Content-Security-Policy header of a page of this build, "" if it has none. */
  policy(name: string): Promise<string> {
    let policy = this.policies.get(name);
    if (!policy) {
      policy = fs.promises.readFile(path.join(this.dir, name), "utf8").then(headerPolicy, () => {
        this.policies.delete(name); // read again next time; the meta tag still applies meanwhile
        return "";
      });
      this.policies.set(name, policy);
    }
    return policy;
  }

  /** The build's 404 page. */
  notFound(): Promise<Buffer> {
    return (this.notFoundPage ??= fs.promises.readFile(path.join(this.dir, "404.html")).catch(() => Buffer.from("Not found")));
  }
}

/** Every file of `dir`, by its `/`-separated name relative to `dir` (links count: they may lead to files). */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")));
}

/** The builds of a site root a server answers from: the current one, and the previous one while it is kept. */
export class ServedBuilds {
  private readonly known = new Map<string, ServedBuild>();
  private currentDir: string | null = null;

  constructor(private readonly root: string) {}

  /** The current build, looked up anew on every call: a swap is seen by the next request. */
  current(): ServedBuild | null {
    const dir = currentBuildDir(this.root);
    if (dir !== this.currentDir) {
      this.currentDir = dir;
      const keep = new Set([dir, previousBuildDir(this.root)]);
      for (const known of this.known.keys()) if (!keep.has(known)) this.known.delete(known); // builds no longer kept
    }
    return dir ? this.get(dir) : null;
  }

  previous(): ServedBuild | null {
    const dir = previousBuildDir(this.root);
    return dir ? this.get(dir) : null;
  }

  private get(dir: string): ServedBuild {
    let build = this.known.get(dir);
    if (!build) this.known.set(dir, (build = new ServedBuild(dir)));
    return build;
  }
}
