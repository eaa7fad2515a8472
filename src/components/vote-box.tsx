/**
 * 这个回答有帮助吗？ with its two buttons, rendered with the page so that nothing moves when the page
 * script makes them work (src/client/vote-widget.ts; the reasons, comment and thanks come after a
 * tap, in `.vote__more` and the status line). Hidden without JavaScript (globals.css: `[data-js]`).
 */
export function VoteBox({ id }: { id: string }) {
  return (
    // The question's heading describes the group: a screen reader listing groups hears which answer each asks about.
    <div className="vote" data-vote={id} role="group" aria-label="这个回答有帮助吗？" aria-describedby={id}>
      <span className="vote__ask">这个回答有帮助吗？</span>
      <button type="button" className="vote__choice" aria-pressed="false">有帮助</button>
      <button type="button" className="vote__choice" aria-pressed="false">没帮助</button>
      <div className="vote__more" />
      <p className="vote__status" role="status" tabIndex={-1} />
    </div>
  );
}
