// Where an entry's facts come from: each source is an https link or a plain citation (never an http or
// other link), and an entry with sources says when its texts were last checked against them, as a real
// day that is not in the future of the build. Entries without sources are shown as not yet checked.
import type { ContentRule } from './rule.ts';

/** A scheme at the start of a source, e.g. "https:", "http:", "ftp:". */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** An https link with a host, e.g. "https://senders.yahooinc.com/error-codes". */
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(?:[/?#]\S*)?$/i;

export const entryProvenance: ContentRule = {
  name: 'entry-provenance',
  check: ({ content }) =>
    content.entries.flatMap(({ path, data }) => {
      const problems = data.sources.flatMap((source, i) =>
        SCHEME.test(source) && !HTTPS_URL.test(source) ? [`${path}: sources[${i}]: "${source}" must be an https link or a plain citation`] : [],
      );
      if (data.sources.length > 0 && !data.reviewed) problems.push(`${path}: reviewed: say when the texts were last checked against the sources (YYYY-MM-DD)`);
      if (data.reviewed) {
        const day = new Date(`${data.reviewed}T00:00:00Z`);
        if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== data.reviewed) problems.push(`${path}: reviewed: "${data.reviewed}" is not a real day`);
        if (data.sources.length === 0) problems.push(`${path}: sources: a reviewed entry names what it was checked against`);
      }
      return problems;
    }),
};
