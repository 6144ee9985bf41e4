// Browser entry. A prerendered page is hydrated when it was rendered for this exact path (and no
// search query, which only the browser knows); anything else is rendered fresh.
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createAppRouter } from './router.tsx';
import './styles.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const router = createAppRouter();
  const renderedFor = container.dataset.prerendered;
  const path = window.location.pathname.replace(/\/index\.html$|\.html$/, '').replace(/(.)\/$/, '$1');
  const app = (
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>
  );
  if (renderedFor !== undefined && renderedFor === path && window.location.search === '') {
    router.ssr = { manifest: undefined };
    await router.load();
    hydrateRoot(container, app);
  } else {
    for (const node of document.head.querySelectorAll('[data-prerendered-head]')) node.remove();
    await router.load();
    createRoot(container).render(app);
  }
}

void start();
