/** Vietnamese text helpers: search without diacritics and sorting the Vietnamese way. */

/** Removes diacritics, maps đ→d, lowercases and collapses spaces: "Nguyễn  Thị Hồng" → "nguyen thi hong". */
export function unaccent(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tidies a name as typed: NFC, single spaces, each word capitalised. */
export function tidyName(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/(^|\s)(\S)/g, (_m, sp: string, ch: string) => sp + ch.toLocaleUpperCase('vi'));
}

/** Splits "Nguyễn Thị Hồng" into họ đệm "Nguyễn Thị" and tên "Hồng". */
export function splitName(fullName: string): { familyName: string; givenName: string } {
  const parts = tidyName(fullName).split(' ').filter(Boolean);
  const givenName = parts.pop() ?? '';
  return { familyName: parts.join(' '), givenName };
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
// Tone order used by Vietnamese dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, string> = {
  '': '0',
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};

function letterKey(ch: string): string {
  const i = LETTERS.indexOf(ch);
  if (i >= 0) return String.fromCharCode(0x41 + i); // A.. keeps the order under byte comparison
  if (/[0-9]/.test(ch)) return ch;
  return ch === ' ' ? ' ' : `~${ch}`;
}

/**
 * A byte-comparable key that orders words the Vietnamese way: letters first (with đ after d, ă/â after a…),
 * then tones as a tie-break. Compare keys with plain string comparison (or COLLATE "C" in SQL).
 */
export function vietnameseKey(word: string): string {
  let base = '';
  let tones = '';
  for (const syllable of word.normalize('NFC').toLocaleLowerCase('vi').split(/\s+/)) {
    if (!syllable) continue;
    let tone = '';
    for (const ch of syllable.normalize('NFD')) {
      if (ch in TONES && ch !== '') tone = ch;
    }
    // Rebuild letters with their vowel marks (breve, circumflex, horn) but without the tone.
    const letters = [...syllable.normalize('NFD')]
      .filter((c) => !(c in TONES))
      .join('')
      .normalize('NFC');
    for (const ch of letters) base += letterKey(ch);
    base += ' ';
    tones += TONES[tone] ?? '0';
  }
  return `${base.trimEnd()}|${tones}`;
}

/** Sort key for a person: given name (tên), then family name (họ đệm). Birth date is added by callers. */
export function personSortKey(familyName: string, givenName: string): string {
  return `${vietnameseKey(givenName)}#${vietnameseKey(familyName)}`;
}

/** Compares two full names the Vietnamese way (tên first, then họ đệm). */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = personSortKey(splitName(a).familyName, splitName(a).givenName);
  const kb = personSortKey(splitName(b).familyName, splitName(b).givenName);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
