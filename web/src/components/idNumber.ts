/**
 * The personal ID number check as the officer types (DOMAIN §5): the gateway's own validator, imported
 * from src/core so the portal and the gateway can never disagree on what a valid number is.
 */
import { checkIdNumber, decodeCentury, type IdNumberCheck } from '../../../src/core/id-number.js';
import { currentYear } from '../format';
import type { Translate } from '../i18n';

export { checkIdNumber, type IdNumberCheck };
export { DOSSIER_CODE, MAX_PURPOSE_LENGTH } from '../../../src/core/lookup/admission.js';

export function checkTyped(value: string | undefined): IdNumberCheck {
  return checkIdNumber(value ?? '', { year: currentYear() });
}

/** What to say under the field: an error, a warning (unknown prefix, allowed) or the decoded facts. */
export function describeCheck(c: IdNumberCheck, typed: string, t: Translate): { status: 'error' | 'warning' | 'success'; text: string } {
  if (c.status === 'invalid') {
    if (c.reason === 'EMPTY') return { status: 'error', text: t('id.empty') };
    if (c.reason === 'NOT_12_DIGITS') return { status: 'error', text: t('id.notDigits', { n: typed.trim().length }) };
    const s = typed.trim();
    const year = decodeCentury(Number(s[3])).century + Number(s.slice(4, 6));
    return { status: 'error', text: t('id.future', { year, now: currentYear() }) };
  }
  const gender = t(c.gender === 'male' ? 'id.male' : 'id.female');
  if (c.status === 'unverifiable') return { status: 'warning', text: t('id.unverifiable', { code: c.provinceCode, gender, year: c.birthYear }) };
  return { status: 'success', text: t('id.valid', { province: c.birthRegistrationProvince, gender, year: c.birthYear }) };
}
