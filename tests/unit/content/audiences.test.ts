// Who has to act is shown as one readable phrase on entry pages and in the diagnosis.
import { describe, expect, it } from 'vitest';
import { listAudiences } from '../../../src/lib/content/audiences.ts';

describe('listAudiences', () => {
  it('joins audiences as a person would say them', () => {
    expect(listAudiences(['sender'])).toBe('The sender');
    expect(listAudiences(['sender', 'recipient-admin'])).toBe("The sender or the recipient's mail admin");
    expect(listAudiences(['sender-admin', 'sender', 'recipient'])).toBe("The sender's mail admin, the sender or the recipient");
  });

  it('says nothing for nobody', () => {
    expect(listAudiences([])).toBe('');
  });
});
