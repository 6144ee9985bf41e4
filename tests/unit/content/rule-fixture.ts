// Builds a small parsed content set for rule tests: one good entry, article, provider and note that
// each test changes in one place to make it bad.
import type { CodeIndex } from '../../../src/lib/content/code-index.ts';
import type { ParsedContent, ParsedEntry } from '../../../src/lib/content/parse.ts';
import type { RuleContext } from '../../../src/lib/content/rules/rule.ts';
import type { EntryFrontMatter } from '../../../src/lib/content/schema.ts';

export function makeEntry(slug: string, data: Partial<EntryFrontMatter> = {}, body = 'The message was too big.'): ParsedEntry {
  return {
    path: `content/bounces/rackspace/${slug}.md`,
    id: `rackspace/${slug}`,
    provider: 'rackspace',
    slug,
    body,
    data: {
      title: 'Message too large (G17)',
      summary: 'Too big.',
      texts: ['550 5.3.4 Message too large (G17)'],
      reply: '550',
      enhanced: '5.3.4',
      tag: 'G17',
      reason: 'mesgtoobig',
      origin: 'sender-provider',
      actors: ['sender'],
      steps: { sender: ['Remove the attachment and send again.'] },
      confirm: 'It arrives.',
      articles: ['message-size-limits'],
      sources: [],
      ...data,
    },
  };
}

export function makeContext(change: (content: ParsedContent) => void = () => undefined): RuleContext {
  const content: ParsedContent = {
    entries: [makeEntry('g17-message-too-large')],
    articles: new Map([
      [
        'message-size-limits',
        {
          path: 'content/articles/message-size-limits.md',
          slug: 'message-size-limits',
          data: { title: 'Size limits', summary: 'Limits.', goal: 'Send it.', steps: ['Shrink it.'], check: ['It arrives.'] },
          body: 'See [G17](/bounces/rackspace/g17-message-too-large).',
        },
      ],
    ]),
    providers: new Map([
      ['rackspace', { path: 'content/providers/rackspace.md', key: 'rackspace', data: { name: 'Rackspace', summary: 'Hosted mail.', domains: [], hosts: [] }, body: 'Tags in brackets.' }],
    ]),
    notes: new Map([['550', { path: 'content/codes/550.md', code: '550', summary: 'Refused.', body: 'Permanent.' }]]),
  };
  change(content);
  const codes: CodeIndex = { keys: new Set(['550', '5.3.4', '5.x.x']), registered: new Map([['550', { title: 'Mailbox unavailable', reference: 'RFC 5321' }]]) };
  const routes = new Set(['/', '/codes/550', '/codes/5.3.4', '/bounces/rackspace/g17-message-too-large', '/articles/message-size-limits', '/providers/rackspace']);
  return { content, codes, routes };
}
