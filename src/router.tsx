// One router factory for the browser and for prerendering, so both render the same tree.
// No preloading on hover, focus or viewport: the links under a diagnosis (codes, matched entries) are
// derived from the pasted text, so fetching their data before a click would tell the server what was
// pasted. Pages load their data when the person actually follows a link.
import { createRouter, parseSearchWith, stringifySearchWith, type RouterHistory } from '@tanstack/react-router';
import { routeTree } from './routeTree.gen.ts';

export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    defaultPreload: false,
    scrollRestoration: false,
    trailingSlash: 'preserve',
    // Search values stay the text in the address bar: `/?q=550` is the string "550", written back as
    // `?q=550` (the default JSON handling would turn it into a number and write `?q=%22550%22`).
    parseSearch: parseSearchWith((value) => value),
    stringifySearch: stringifySearchWith(JSON.stringify),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
