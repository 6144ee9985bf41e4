// Which failed recipients belong on the "addresses to remove" list: only permanent failures that say
// the address itself is gone (RFC 3463 class 5 with an address or mailbox subject), never a cause that
// fixes itself (full mailbox, timeout) or that removing the address would not fix (blocked, spam, SPF).
import type { Reason } from '../content/vocabulary.ts';
import type { BulkRecipient } from './summarize-message.ts';

/**
 * Causes that mean "this address will not take mail": unknown user, unknown or mail-less domain, moved
 * without forwarding, disabled account, and an address the sending service already suppresses after
 * earlier hard bounces.
 */
export const REMOVAL_REASONS: ReadonlySet<Reason> = new Set<Reason>(['userunknown', 'hostunknown', 'hasmoved', 'notaccept', 'suspend', 'suppressed']);

/** Whether a failed recipient should be removed from a list: a permanent failure of the address itself. */
export function shouldRemove(recipient: BulkRecipient): boolean {
  return recipient.address !== '' && recipient.permanent === true && REMOVAL_REASONS.has(recipient.reason);
}

/** The addresses to remove, lower case, each once, sorted. */
export function listAddressesToRemove(recipients: readonly BulkRecipient[]): string[] {
  return [...new Set(recipients.filter(shouldRemove).map((recipient) => recipient.address.toLowerCase()))].sort();
}
