// Guards what the command line prints from untrusted bounce text: control characters (ANSI escape
// sequences, C1 controls such as CSI U+009B, bidirectional overrides, line separators) never reach a
// terminal raw, and JSON keeps the value but escapes them.
import { describe, expect, it } from 'vitest';
import { stripControls, toSafeJson } from '../../../src/cli/format-output.ts';

describe('stripControls', () => {
  it.each([
    ['User \u001b[31munknown', 'User [31munknown'],
    ['a\u009b2Jb', 'a 2Jb'],
    ['evil\u202egnp.exe', 'evil gnp.exe'],
    ['line\r\nbreak\u2028here', 'line break here'],
    ['bell\u0007 and NUL\u0000', 'bell and NUL '],
  ])('replaces control characters in %j', (input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  it('leaves ordinary text, including non-ASCII letters, alone', () => {
    expect(stripControls('550 5.1.1 Empfänger unbekannt: <jörg@example.de>')).toBe('550 5.1.1 Empfänger unbekannt: <jörg@example.de>');
  });
});

describe('toSafeJson', () => {
  it('escapes C1 controls and bidirectional overrides that JSON.stringify leaves raw, keeping the value', () => {
    const value = { text: 'a\u009b31m\u202eb\u2028c\u001b[0m' };
    const json = toSafeJson(value);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
