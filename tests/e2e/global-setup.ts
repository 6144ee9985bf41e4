// Serves the built site (dist/) with a plain static server for the end-to-end tests.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { server, url } = await startStaticServer(path.resolve('dist'));
  project.provide('baseUrl', url);
  return () => new Promise((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
