import type { Report } from "./report";
import { visible } from "./visible";

/** Why a collector's report could not be had, said in one line with what to do: no stack trace. */
export class RemoteReportError extends Error {}

/** Long enough for a year's report from a busy collector, short enough that a hung one is noticed. */
const TIMEOUT_MS = 60_000;

/** What fetch's network failures (undici: `TypeError: fetch failed`, the reason in `cause`) mean here. */
function unreachable(origin: string, error: unknown): RemoteReportError {
  if (error instanceof DOMException && error.name === "TimeoutError") return new RemoteReportError(`${origin} did not answer within ${TIMEOUT_MS / 1000} s: is it the collector of npm start, and is it running?`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return new RemoteReportError(`nothing answers at ${origin} (connection refused): is npm start running there, on that port? Check --url`);
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return new RemoteReportError(`there is no host ${new URL(origin).hostname}: check --url`);
  return new RemoteReportError(`cannot reach ${origin}: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`);
}

/** The collector's refusals, each with what the writer can do about it. */
function refused(origin: string, status: number, body: string, retryAfter: string | null): RemoteReportError {
  if (status === 401) return new RemoteReportError(`${origin} refused the token (401): set ADMIN_TOKEN to the one its npm start was given`);
  if (status === 404) return new RemoteReportError(`${origin} has no report (404): its npm start needs ADMIN_TOKEN set, and --url must be the site's address, e.g. https://help.example.com`);
  if (status === 429) return new RemoteReportError(`${origin} refuses this address for a while after too many wrong tokens (429): try again in ${retryAfter ?? "a few"} s with the right ADMIN_TOKEN`);
  if (status === 503) return new RemoteReportError(`${origin} cannot read its database yet (503): try again in ${retryAfter ?? "a few"} s`);
  // The body is the remote server's text: shown, never obeyed, and short.
  return new RemoteReportError(`${origin} answered ${status}: ${visible(body.trim().slice(0, 200))}`);
}

const looksLikeReport = (value: unknown): value is Report => typeof value === "object" && value !== null && Array.isArray((value as Report).questions) && Array.isArray((value as Report).daily);

/**
 * The report from a running collector (`GET /api/admin/report`), its links made absolute: a
 * collector without SITE_URL gives site paths (`/account/…#id`), and the site is where it answers,
 * since npm start serves both.
 */
export async function fetchReport(base: URL, token: string, days: number): Promise<Report> {
  const url = new URL(`/api/admin/report?days=${days}`, base);
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    body = await res.text();
  } catch (error) {
    throw unreachable(base.origin, error);
  }
  if (!res.ok) throw refused(base.origin, res.status, body, res.headers.get("retry-after"));
  let report: unknown;
  try {
    report = JSON.parse(body);
  } catch {
    report = null;
  }
  if (!looksLikeReport(report)) throw new RemoteReportError(`${base.origin} did not answer with a report: --url must be the address of a site served by npm start`);
  return withLinksFrom(report, base);
}

/** `report` with every site path among its links resolved against `base` (absolute links stay). */
export function withLinksFrom(report: Report, base: URL): Report {
  const absolute = <T extends { url: string }>(q: T): T => (q.url ? { ...q, url: new URL(q.url, base).href } : q);
  return { ...report, questions: report.questions.map(absolute), worst: report.worst.map(absolute) };
}
