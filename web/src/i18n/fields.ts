/**
 * Labels of the citizen fields (Luật Căn cước 26/2023/QH15, Art. 9). The field list itself comes from
 * the gateway's own module, so a field added there without a label here fails the type check.
 */
import { CITIZEN_FIELDS, SENSITIVE_FIELDS, type CitizenField } from '../../../src/core/lookup/fields.js';
import type { Lang } from './index';

export { CITIZEN_FIELDS, SENSITIVE_FIELDS, type CitizenField };

export const FIELD_LABELS: Record<CitizenField, { vi: string; en: string }> = {
  idNumber: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  fullName: { vi: 'Họ, chữ đệm và tên khai sinh', en: 'Full birth name' },
  otherNames: { vi: 'Tên gọi khác', en: 'Other names' },
  dateOfBirth: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  placeOfBirth: { vi: 'Nơi sinh', en: 'Place of birth' },
  birthRegistrationPlace: { vi: 'Nơi đăng ký khai sinh', en: 'Place of birth registration' },
  hometown: { vi: 'Quê quán', en: 'Home town' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  nationality: { vi: 'Quốc tịch', en: 'Nationality' },
  bloodGroup: { vi: 'Nhóm máu', en: 'Blood group' },
  oldIdNumber: { vi: 'Số CMND cũ', en: 'Old ID card number' },
  permanentAddress: { vi: 'Nơi thường trú', en: 'Permanent residence' },
  temporaryAddress: { vi: 'Nơi tạm trú', en: 'Temporary residence' },
  currentAddress: { vi: 'Nơi ở hiện tại', en: 'Current residence' },
  maritalStatus: { vi: 'Tình trạng hôn nhân', en: 'Marital status' },
  householdHeadRelation: { vi: 'Quan hệ với chủ hộ', en: 'Relation to household head' },
  fatherName: { vi: 'Họ tên cha', en: "Father's name" },
  motherName: { vi: 'Họ tên mẹ', en: "Mother's name" },
  spouseName: { vi: 'Họ tên vợ/chồng', en: "Spouse's name" },
  dateOfDeath: { vi: 'Ngày mất', en: 'Date of death' },
};

export function fieldLabel(field: string, lang: Lang): string {
  return (FIELD_LABELS as Record<string, { vi: string; en: string } | undefined>)[field]?.[lang] ?? field;
}

export const DATE_FIELDS: ReadonlySet<string> = new Set(['dateOfBirth', 'dateOfDeath']);
