// One thread of loadSiteInParallel: parses its share of the pages and sends the results back.
import { parentPort, workerData } from "node:worker_threads";
import type { PageInput } from "../../src/content/load";
import { parsePage } from "../../src/content/parse";

const inputs = workerData as PageInput[];

parentPort!.postMessage(inputs.map((p) => parsePage(p.raw, p.source)));
