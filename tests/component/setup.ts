// Component test set-up: jest-dom matchers, cleanup between tests, and the browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDataReader } from '../../src/catalogue.ts';

afterEach(() => cleanup());
window.scrollTo = () => undefined;
Element.prototype.scrollIntoView = () => undefined;

// Pages read their data from the files the content step wrote, as the browser fetches them.
setDataReader((file) => {
  try {
    return Promise.resolve(JSON.parse(readFileSync(path.join('public', 'data', file), 'utf8')));
  } catch {
    return Promise.resolve(null);
  }
});

// Results arrive after dynamic imports; a busy machine can take more than the default second.
configure({ asyncUtilTimeout: 5000 });
