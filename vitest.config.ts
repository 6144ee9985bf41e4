// Test projects: node for the pure core, the content step and scripts; jsdom for React components.
// End-to-end tests run separately (vitest.e2e.config.ts) against the built site.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { postalMimeVitePatches } from './scripts/vite-postal-mime.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // The engine under test reads email with the same patched postal-mime as the site and the command line.
        plugins: [postalMimeVitePatches()],
        test: {
          name: 'unit',
          server: { deps: { inline: ['postal-mime'] } },
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [postalMimeVitePatches(), react()],
        test: {
          name: 'component',
          server: { deps: { inline: ['postal-mime'] } },
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
