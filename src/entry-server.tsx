// Prerendering entry (built with vite build --ssr): renders one path to HTML with the same router
// as the browser, and returns the head tags separately so they can go into <head>.
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { getSsrStatus } from '@tanstack/react-router/ssr/server';
import { renderToString } from 'react-dom/server';
import { createAppRouter } from './router.tsx';

export { setDataReader } from './catalogue.ts';

export type RenderResult = { html: string; head: string; status: number };

export async function render(url: string): Promise<RenderResult> {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [url] }));
  await router.load();
  const markup = renderToString(<RouterProvider router={router} />);
  // React 19 hoists <title>, <meta> and <link> rendered by HeadContent to the start of the output.
  const headMatch = /^((?:<(?:title|meta|link)\b[^>]*>(?:[^<]*<\/title>)?)*)/.exec(markup);
  const head = headMatch?.[1] ?? '';
  const status = getSsrStatus(router);
  return { html: markup.slice(head.length), head, status };
}
