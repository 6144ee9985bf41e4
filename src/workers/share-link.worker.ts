// Decodes a large share link off the page's thread: the decoder is bounded (it stops at the size
// limit), and running it here keeps even a 600 KB fragment from pausing the page while it is read.
import { decodeShareFragment, type SharedBounce } from '../lib/share/share-link.ts';

export type ShareWorkerResponse = SharedBounce | null;

self.addEventListener('message', (event: MessageEvent<string>) => {
  self.postMessage(decodeShareFragment(event.data) satisfies ShareWorkerResponse);
});
