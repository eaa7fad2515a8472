import type { SearchConfig } from "@/lib/search-config";

/** Nothing matched: say so, offer support and the questions most people need. Never a guess. */
export function NoResults({ config }: { config: Pick<SearchConfig, "popular" | "supportUrl" | "supportLabel"> }) {
  return (
    <div className="no-results">
      <p>
        换个说法试试，或 <a href={config.supportUrl} target="_blank" rel="noopener noreferrer">{config.supportLabel}</a>。
      </p>
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
