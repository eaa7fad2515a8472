// One thread of loadSiteInParallel: parses its share of the pages and sends the results back.
import { parentPort, workerData } from "node:worker_threads";
import { parsePages, type PageInput } from "../../src/content/parse";

const inputs = workerData as PageInput[];

parentPort!.postMessage(parsePages(inputs));
