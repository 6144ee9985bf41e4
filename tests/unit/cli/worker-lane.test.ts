// The command line's worker lanes (src/cli/worker-lane.ts) against a stand-in worker thread: a message
// is moved to the thread as an exact copy (a view into a larger buffer leaves that buffer usable), and a
// thread that dies hands back every message it did not answer, so the caller can diagnose them itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MessageResult } from '../../../src/cli/diagnose-message.ts';
import { WorkerLane } from '../../../src/cli/worker-lane.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-lane-'));
// Answers with the size of what it got; dies on the message at position 1.
const STAND_IN = `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, message }) => {
  if (id === 1) process.exit(3);
  parentPort.postMessage({ id, result: { lines: [message.file + ' ' + message.bytes.length], notes: [], summary: null } });
});
parentPort.postMessage({ ready: true });
`;
const entry = path.join(dir, 'stand-in.mjs');
writeFileSync(entry, STAND_IN);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function startLane(results: Map<number, MessageResult>): Promise<WorkerLane> {
  const lane = new WorkerLane(pathToFileURL(entry), 'json', (id, result) => results.set(id, result));
  while (!lane.hasRoom(0)) await lane.next();
  return lane;
}

describe('WorkerLane', () => {
  it('sends an exact copy of a message that is a view into a larger buffer, leaving the buffer whole', async () => {
    const results = new Map<number, MessageResult>();
    const lane = await startLane(results);
    const buffer = new Uint8Array(1000).fill(65);
    lane.send(0, { file: 'box.mbox', index: 0, offset: 0, bytes: buffer.subarray(100, 110) });
    while (lane.pending > 0) await lane.next();
    expect(results.get(0)?.lines).toEqual(['box.mbox 10']);
    expect(buffer.byteLength).toBe(1000);
    expect(buffer[500]).toBe(65);
    await lane.close();
  });

  it('hands back the messages a failed thread did not answer', async () => {
    const results = new Map<number, MessageResult>();
    const lane = await startLane(results);
    for (const id of [0, 1, 2]) lane.send(id, { file: `m${String(id)}.eml`, bytes: new Uint8Array(id + 1) });
    while (!lane.broken) await lane.next();
    expect([...results.keys()]).toEqual([0]);
    expect(lane.takeBack().map(([id, message]) => [id, message.file])).toEqual([
      [1, 'm1.eml'],
      [2, 'm2.eml'],
    ]);
    expect(lane.pending).toBe(0);
    expect(lane.hasRoom(0)).toBe(false);
    await lane.close();
  });
});
