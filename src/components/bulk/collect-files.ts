// Gathers the files a person drops or chooses, with their paths inside a dropped or chosen folder.
// Folders are walked through the File and Directory Entries API (webkitGetAsEntry), which Chromium,
// Firefox and Safari support for drops; where it is missing the flat file list is used.
import type { BulkInput } from '../../workers/bulk-reader.worker.ts';

type Entry = { isFile: boolean; isDirectory: boolean; fullPath: string; name: string };
type FileEntry = Entry & { file: (success: (file: File) => void, failure: (error: unknown) => void) => void };
type DirectoryEntry = Entry & { createReader: () => { readEntries: (success: (entries: Entry[]) => void, failure: (error: unknown) => void) => void } };

const relative = (path: string): string => path.replace(/^\/+/, '');

/** Inputs from a file input: the folder path when the browser gives one (webkitRelativePath). */
export function inputsFromFileList(files: FileList | readonly File[]): BulkInput[] {
  return Array.from(files, (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

async function readDirectory(entry: DirectoryEntry): Promise<Entry[]> {
  const reader = entry.createReader();
  const all: Entry[] = [];
  // readEntries returns at most about 100 entries per call; call it until it returns none.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: Entry, into: BulkInput[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileEntry).file(resolve, reject));
    into.push({ file, path: relative(entry.fullPath) || file.name });
  } else if (entry.isDirectory) {
    const children = await readDirectory(entry as DirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, into);
  }
}

/**
 * Inputs from a drop. The entries must be taken from the DataTransfer during the drop event itself, so
 * this reads them synchronously and walks folders afterwards.
 */
export function inputsFromDrop(transfer: DataTransfer): Promise<BulkInput[]> {
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file');
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? (item.webkitGetAsEntry() as Entry | null) : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(inputsFromFileList(transfer.files));
  return (async () => {
    const inputs: BulkInput[] = [];
    for (const entry of entries) if (entry) await walk(entry, inputs);
    return inputs;
  })();
}
