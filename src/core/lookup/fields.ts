/** The citizen fields the gateway knows (Luật Căn cước Art. 9, as named in the public API). */
export const CITIZEN_FIELDS = [
  'idNumber', 'fullName', 'otherNames', 'dateOfBirth', 'gender', 'placeOfBirth', 'birthRegistrationPlace',
  'hometown', 'ethnicity', 'religion', 'nationality', 'bloodGroup', 'oldIdNumber', 'permanentAddress',
  'temporaryAddress', 'currentAddress', 'maritalStatus', 'householdHeadRelation', 'fatherName',
  'motherName', 'spouseName', 'dateOfDeath',
] as const;

export type CitizenField = (typeof CITIZEN_FIELDS)[number];

/** Sensitive personal data (Luật BVDLCN 91/2025; NĐ 356/2025): returned only where a procedure lists them. */
export const SENSITIVE_FIELDS: ReadonlySet<CitizenField> = new Set(['ethnicity', 'religion']);

export function isCitizenField(f: string): f is CitizenField {
  return (CITIZEN_FIELDS as readonly string[]).includes(f);
}

/**
 * Data minimisation: only the procedure's fields leave the gateway, and only the requested ones
 * when a list is given. Builds a new object from the allowlist; nothing else is copied.
 */
export function minimise(citizen: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Only known citizen fields, so no list can name `__proto__` or another special key.
  for (const f of allowed) if (isCitizenField(f) && Object.prototype.hasOwnProperty.call(citizen, f)) out[f] = citizen[f] ?? null;
  return out;
}
