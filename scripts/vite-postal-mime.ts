// The same postal-mime patches as the command line's build (scripts/postal-mime-patches.mjs), for the site,
// its workers and the tests, so the engine reads an email the same way everywhere: a quoted message's date
// in one fixed UTC form whatever the browser's locale and zone, and the same faster paths. A patched file
// that does not match the library any more fails the build (patchPostalMime throws); a build that loads
// postal-mime but not every patched file of it fails too.
import type { Plugin } from 'vite';
import { patchPostalMime, POSTAL_MIME_PATCHES } from './postal-mime-patches.mjs';

// ".../node_modules/postal-mime/dist/esm/mime-node.js" -> "mime-node"
const PATCHED_FILE = /postal-mime[\\/]dist[\\/]esm[\\/]([\w-]+)\.js$/;

export function postalMimeVitePatches(): Plugin {
  const files = new Set(POSTAL_MIME_PATCHES.map((patch) => patch.file));
  const seen = new Set<string>();
  return {
    name: 'postal-mime-patches',
    enforce: 'pre',
    transform(code, id) {
      const file = PATCHED_FILE.exec(id.split('?')[0] ?? '')?.[1];
      if (file === undefined || !files.has(file)) return null;
      seen.add(file);
      return { code: patchPostalMime(file, code), map: null };
    },
    buildEnd(error) {
      const missing = [...files].filter((file) => !seen.has(file));
      if (error === undefined && seen.size > 0 && missing.length > 0) this.error(`postal-mime: ${missing.join(', ')} not loaded, so not patched (postal-mime changed?)`);
    },
  };
}
