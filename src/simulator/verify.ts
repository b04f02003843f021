/** Matching a claimed identity (number, name, birth date) against a synthetic citizen. */
import type { Citizen } from './citizens.js';

export interface VerifyQuery {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
}

export interface VerifyMatch {
  idNumber: boolean;
  fullName: boolean;
  dateOfBirth: boolean;
}

/**
 * Names typed by staff differ from the record in form, not substance: decomposed diacritics
 * (NFD from some keyboards), stray or doubled spaces, capitalisation. None of those should make
 * a verification fail, so names are compared after NFC, trimming, collapsing spaces and case.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}

/**
 * Field-by-field match. An unknown citizen matches nothing. Verification discloses only these
 * three booleans, far less than a lookup (DOMAIN.md §8).
 */
export function matchCitizen(citizen: Citizen | null, q: VerifyQuery): VerifyMatch {
  if (!citizen) return { idNumber: false, fullName: false, dateOfBirth: false };
  return {
    idNumber: citizen.idNumber === q.idNumber,
    fullName: normaliseName(citizen.fullName) === normaliseName(q.fullName),
    dateOfBirth: citizen.dateOfBirth === q.dateOfBirth.trim(),
  };
}
