/** Fields shown only on an audited reveal to an actor allowed 'person.readSensitive'. */
export const SENSITIVE_FIELDS = ['nationalId', 'ethnicity', 'religion', 'partyStatus'] as const;

/** "042095001234" → "042*******34"; ids too short to keep both ends are hidden entirely. */
export function maskNationalId(id: string | null): string | null {
  if (id === null) return null;
  const s = id.trim();
  if (s.length < 6) return '*******';
  return `${s.slice(0, 3)}*******${s.slice(-2)}`;
}

/**
 * What a people search box means: a phone number when it holds only digits and phone punctuation
 * (+84 is read as a leading 0), otherwise a name matched without diacritics.
 */
export function parsePeopleQuery(q: string): { phone: string } | { text: string } | null {
  const s = q.trim();
  if (!s) return null;
  if (/^[+\d][\d\s.()-]*$/.test(s) && /\d{3}/.test(s.replace(/\D/g, ''))) {
    const digits = s.replace(/\D/g, '');
    return { phone: s.startsWith('+84') ? `0${digits.slice(2)}` : digits };
  }
  return { text: s };
}
