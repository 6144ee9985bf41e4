// The title of a page opened from a share link: the codes and the reason, so a tab or a bookmark of a
// shared diagnosis says what it is, e.g. "550 5.1.1 The address does not exist — Bouncedoc".
import type { Diagnosis } from '../bounce/types.ts';

const SITE = 'Bouncedoc';

export function titleForDiagnosis(diagnosis: Pick<Diagnosis, 'kind' | 'replyCode' | 'enhancedCode' | 'reasonLabel'>): string {
  if (diagnosis.kind === 'unknown') return `Shared text, no bounce found — ${SITE}`;
  const codes = [diagnosis.replyCode, diagnosis.enhancedCode].filter((code) => code !== null && code !== '').join(' ');
  const label = diagnosis.reasonLabel.trim();
  return `${[codes, label].filter(Boolean).join(' ')} — ${SITE}`;
}
