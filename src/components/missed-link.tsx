/**
 * Shown by src/client/deep-link.ts when the page was opened at a `#fragment` no question has (one
 * removed, or renamed before the page listed its old anchor): the reader learns why the page opened
 * at its top, and gets a search for the words of the old anchor. Hidden without JavaScript, where
 * the browser simply opens the page.
 */
export function MissedLink() {
  return (
    <p className="missed-link" data-missed-link="" role="status" hidden>
      链接指向的问题在本页没有找到，可能已改名或移到别处。请在下面的问题中查找，或
      <a href="/search/" data-missed-link-search="">
        搜索
      </a>
      。
    </p>
  );
}
