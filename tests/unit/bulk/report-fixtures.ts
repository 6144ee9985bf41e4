// Small hand-made bulk records for the report tests: the fields a diagnosis gives, nothing more.
import type { BulkMessage, BulkRecipient } from '../../../src/lib/bulk/summarize-message.ts';

export function recipient(overrides: Partial<BulkRecipient> = {}): BulkRecipient {
  const address = overrides.address ?? 'ann@example.com';
  return {
    address,
    reason: 'userunknown',
    permanent: true,
    replyCode: '550',
    enhancedCode: '5.1.1',
    domain: address.split('@')[1] ?? null,
    provider: 'Google',
    ...overrides,
  };
}

export function message(overrides: Partial<BulkMessage> = {}): BulkMessage {
  return {
    source: 'bounces/1.eml',
    category: 'bounce',
    kind: 'bounce',
    reason: 'userunknown',
    permanent: true,
    replyCode: '550',
    enhancedCode: '5.1.1',
    actors: ['sender', 'recipient-admin'],
    date: '2025-03-04T10:00:00.000Z',
    recipients: [recipient()],
    ...overrides,
  };
}
