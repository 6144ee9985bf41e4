// Component test set-up: jest-dom matchers, cleanup between tests, and the browser APIs jsdom lacks.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
window.scrollTo = () => undefined;
