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
  // Static hosts answer /codes/550, /codes/550/ and /codes/550.html alike; the app knows one address per page.
  const path = window.location.pathname.replace(/\/index\.html$|\.html$/, '').replace(/(.)\/$/, '$1') || '/';
  if (path !== window.location.pathname) {
    history.replaceState(history.state, '', path + window.location.search + window.location.hash);
  }
  const router = createAppRouter();
  const renderedFor = container.dataset.prerendered;
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

/**
 * Offline use and updates (src/components/SiteUpdates.tsx), in a root of their own after the page's, so
 * prerendered pages hydrate unchanged. The worker waits for the page to finish loading.
 */
function mountSiteUpdates(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Loaded after the page, so it costs nothing before the page is interactive.
  const mount = (): void => {
    void import('./components/SiteUpdates.tsx').then(({ SiteUpdates }) => {
      const host = document.createElement('div');
      document.body.append(host);
      createRoot(host).render(<SiteUpdates />);
    });
  };
  if (document.readyState === 'complete') mount();
  else window.addEventListener('load', mount, { once: true });
}

void start().then(mountSiteUpdates);
