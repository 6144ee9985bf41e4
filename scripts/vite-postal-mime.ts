// The same postal-mime patches as the command line's build (scripts/postal-mime-patches.mjs), for the site,
// its workers and the tests, so the engine reads an email the same way everywhere: a quoted message's date
// in one fixed UTC form whatever the browser's locale and zone, and the same faster paths. A patched file
// that does not match the library any more fails the build (patchPostalMime throws); a build that loads
// postal-mime but not every patched file of it fails too.
import type { Plugin } from 'vite';
import { filesNotPatched, patchedFileOf, patchPostalMime } from './postal-mime-patches.mjs';

export function postalMimeVitePatches(): Plugin {
  const loaded = new Set<string>();
  return {
    name: 'postal-mime-patches',
    enforce: 'pre',
    transform(code, id) {
      const file = patchedFileOf(id.split('?')[0] ?? '');
      if (file === null) return null;
      loaded.add(file);
      return { code: patchPostalMime(file, code), map: null };
    },
    buildEnd(error) {
      const missing = filesNotPatched(loaded);
      if (error === undefined && loaded.size > 0 && missing.length > 0) this.error(`postal-mime: ${missing.join(', ')} not loaded, so not patched (postal-mime changed?)`);
    },
  };
}
