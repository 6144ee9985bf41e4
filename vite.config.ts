// Vite: file routes (the router plugin must come before react()), React, Tailwind.
// The SSR build (vite build --ssr src/entry-server.tsx) is used only by scripts/prerender.ts.
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    tanstackRouter({ target: 'react', autoCodeSplitting: true, quoteStyle: 'single' }),
    react(),
    tailwindcss(),
  ],
  build: {
    manifest: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
});
