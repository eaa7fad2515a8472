import { FEEDBACK_ON } from "@/lib/config";
import type { SearchConfig } from "@/lib/search-config";

type Props = { config: Pick<SearchConfig, "popular" | "supportUrl" | "supportLabel">; offer?: "link" | "form" };

/**
 * Nothing matched: say so, offer support and the questions most people need. Never a guess.
 * With a collector, also 没找到？告诉我们您在找什么: a form on /search/, a link to it in the popup
 * (both hidden until src/client/feedback.ts shows them for a search that found nothing).
 */
export function NoResults({ config, offer }: Props) {
  return (
    <div className="no-results">
      <p>
        换个说法试试，或 <a href={config.supportUrl} target="_blank" rel="noopener noreferrer">{config.supportLabel}</a>。
      </p>
      {FEEDBACK_ON && offer === "link" && (
        <p className="notfound-offer" hidden>
          <a href="/search/#notfound">没找到？告诉我们您在找什么</a>
        </p>
      )}
      {FEEDBACK_ON && offer === "form" && (
        <form className="notfound" id="notfound" hidden>
          <label htmlFor="notfound-text">没找到？告诉我们您在找什么</label>
          <textarea id="notfound-text" name="text" maxLength={500} rows={3} placeholder="选填，例如：想了解境外证件如何实名认证" />
          <button type="submit" className="button">提交</button>
          <p className="notfound__status" role="status" />
        </form>
      )}
      {config.popular.length > 0 && (
        <>
          <p className="no-results__title">常见问题</p>
          <ul>
            {config.popular.map((p) => (
              <li key={p.url}>
                <a href={p.url}>{p.question}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
