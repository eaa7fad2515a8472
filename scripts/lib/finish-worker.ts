// One thread of finishSite: finishes its share of the pages and answers when they are written.
import { parentPort, workerData } from "node:worker_threads";
import { finishPages } from "./finish-site";

const { outDir, pages } = workerData as { outDir: string; pages: string[] };

await finishPages(outDir, pages);
parentPort!.postMessage(pages.length);
