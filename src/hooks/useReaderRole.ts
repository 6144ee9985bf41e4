// The role whose steps the reader wants (sender, sender's admin, recipient, recipient's admin). Whoever
// holds a bounce is almost always its sender, so that is the default; a choice is remembered in this
// browser (localStorage) for the next paste.
import { useCallback, useState } from 'react';
import { AUDIENCES, type Audience } from '../lib/content/vocabulary.ts';

const ROLE_KEY = 'bouncedoc:role';

function readRole(): Audience {
  try {
    const stored = localStorage.getItem(ROLE_KEY);
    return (AUDIENCES as readonly string[]).includes(stored ?? '') ? (stored as Audience) : 'sender';
  } catch {
    return 'sender';
  }
}

export function useReaderRole(): [Audience, (role: Audience) => void] {
  const [role, setRole] = useState<Audience>(readRole);
  const choose = useCallback((next: Audience) => {
    setRole(next);
    try {
      localStorage.setItem(ROLE_KEY, next);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  }, []);
  return [role, choose];
}
