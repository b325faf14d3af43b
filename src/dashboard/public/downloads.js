// The download links of the exports (GET /export/<file>), as of the page's
// as-of day when one is set. The exports hold the whole graph: the page's
// other filters do not apply to them.

/** The address of one export file, with `asOf` when set. */
export function exportHref(file, asOf, base = window.location.href) {
  const url = new URL(`/export/${file}`, base);
  if (asOf) url.searchParams.set('asOf', asOf);
  return url.pathname + url.search;
}

/** Binds the links of `container` (each `a[data-file]`); `show(state)` points them at the state's as-of day. */
export function bindDownloads(container) {
  const scope = container.querySelector('[data-testid=downloads-scope]');
  return {
    show(state) {
      for (const a of container.querySelectorAll('a[data-file]')) a.setAttribute('href', exportHref(a.dataset.file, state.asOf));
      scope.textContent = state.asOf ? `the whole graph as of ${state.asOf}` : 'the whole graph';
    },
  };
}
