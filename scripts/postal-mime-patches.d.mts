// Types of postal-mime-patches.mjs (plain JavaScript so the command line's build can run without a loader).
import type { Plugin } from 'esbuild';

export type PostalMimePatch = { name: string; file: string; find: string; replace: string; prepend: string };

export const POSTAL_MIME_PATCHES: readonly PostalMimePatch[];
export function patchPostalMime(file: string, source: string, patches?: readonly PostalMimePatch[]): string;
export function patchedFileOf(filePath: string, patches?: readonly PostalMimePatch[]): string | null;
export function filesNotPatched(loaded: ReadonlySet<string>, patches?: readonly PostalMimePatch[]): string[];
export function postalMimePatches(patches?: readonly PostalMimePatch[]): Plugin;
