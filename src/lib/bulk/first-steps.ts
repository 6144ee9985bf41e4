// The one thing to do first for each cause, shown beside each row of a bulk report, where a person
// reads dozens of causes at once and needs the next action, not the whole guide (the cause's page has
// that). Written for a sender who manages a list or a mail server; one short line each.
import type { Reason } from '../content/vocabulary.ts';

export const FIRST_STEPS: Readonly<Record<Reason, string>> = {
  userunknown: 'Check the spelling of these addresses; remove the ones that are right but still refused.',
  hostunknown: 'Check the domain part for typos; remove addresses whose domain has no mail server.',
  mailboxfull: 'Keep the addresses and send again in a few days; remove them if it keeps happening.',
  mesgtoobig: 'Send smaller messages: share large files as links instead of attachments.',
  exceedlimit: 'Spread the sending out over more time, or ask your provider about its sending limits.',
  suspend: 'Stop sending to these accounts; reach the people another way if you still need to.',
  hasmoved: 'Replace these addresses with the new ones the bounces give, or remove them.',
  blocked: "Look up your sending server's IP on the blocklists named in the bounces and request removal.",
  badreputation: 'Slow down, send only to people who asked for your mail, and check your domain reputation.',
  requireptr: 'Ask whoever runs your sending server to set a reverse DNS (PTR) name that matches it.',
  authfailure: "Check your domain's SPF, DKIM and DMARC records cover the service that sends your mail.",
  rejected: 'Check the sender address you send from exists and its domain accepts mail.',
  norelaying: 'Check the recipient addresses, and that you send through your own provider’s server.',
  spamdetected: 'Review the content and links of the message; send only to people who asked for it.',
  virusdetected: 'Scan the attachment, and send a clean file or a link instead.',
  filtered: 'Ask the recipients to allow your address, or reach them another way.',
  policyviolation: 'Read the refusing server’s message for the rule it applies, then adjust what you send.',
  securityerror: 'Ask your mail admin to check the sending server’s security settings (TLS, signing).',
  contenterror: 'Check the message is built correctly; try sending it from another mail program.',
  notcompliantrfc: 'Ask your mail admin to fix the message headers your sending software writes.',
  syntaxerror: 'Ask your mail admin to look at the sending server’s logs for the refused command.',
  speeding: 'Send more slowly: fewer messages per minute to each provider.',
  toomanyconn: 'Ask your mail admin to open fewer connections at once to each receiving server.',
  expired: 'Send again later; if it keeps failing, check the recipient domain receives mail at all.',
  networkerror: 'Wait and send again; if it persists, check the recipient domain’s MX records.',
  systemerror: 'Wait and send again; the problem is on the receiving server.',
  systemfull: 'Wait and send again later; the receiving server is out of space.',
  mailererror: 'Let the recipient know their mail system failed to deliver; send again later.',
  notaccept: 'Remove these addresses: their domains accept no mail.',
  failedstarttls: 'Ask your mail admin to check TLS settings and certificates on the sending server.',
  suppressed: 'Check why your sending service suppressed these addresses before sending to them again.',
  onhold: 'Open a few of these bounces and read the server’s message to learn more.',
  undefined: 'Open a few of these bounces and read the server’s message to learn more.',
  delivered: 'Nothing to do: the message was delivered.',
  vacation: 'Nothing to do: this is an automatic reply.',
  feedback: 'Stop sending to the people who complained, and check how they joined your list.',
};

/** What to do first about a cause. */
export const firstStepFor = (reason: Reason): string => FIRST_STEPS[reason];
