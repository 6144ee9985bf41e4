// Renders the whole app at a path with an in-memory history, as the browser would show it.
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createAppRouter } from '../../src/router.tsx';

export async function renderApp(path: string) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  await router.load();
  const view = render(<RouterProvider router={router} />);
  return { router, ...view };
}
