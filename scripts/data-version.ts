// The version of the catalogue data: a hash of every file under data/ (path and content). The app
// requests /data/<file>?v=<version> and the service worker keys its caches by it, so a page never
// runs against data from another deploy (see src/service-worker.ts). vite.config.ts computes it from
// public/data, the prerender and the service worker build from dist/data: the same files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .flatMap((name) => {
      const full = path.join(folder, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

/** 12 hex digits of SHA-256 over the data folder, or "dev" when it does not exist yet. */
export function dataVersion(folder: string): string {
  if (!existsSync(folder)) return 'dev';
  const hash = createHash('sha256');
  for (const file of filesUnder(folder)) {
    hash.update(path.relative(folder, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
