// jsdom has no `matchMedia` and no `ResizeObserver`, which a browser always has and the component
// library reads (light or dark scheme, the shell's breakpoints, table layout). These answer as a
// desktop browser with no preference would; they run only where a test asked for jsdom.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    // An empty query (and `all`) matches every browser; mantine-datatable asks it of each column
    // without a `visibleMediaQuery`, and hides the column when it does not match.
    matches: query.trim() === '' || query.trim() === 'all',
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}
if (typeof window !== 'undefined' && typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
