/** Synthetic, deterministic citizens: the same ID number always gives the same person. */
import { checkIdNumber } from '../core/id-number.js';
import { provinceByCode, type Province2025 } from '../core/provinces.js';
import { ageOn, dateInYear, isAfterToday, isoDate, type CalendarDate, type Today } from './calendar.js';
import { bloodGroup, ethnicity, religion } from './demographics.js';
import { drawLifeCourse, householdRelation, maritalStatusAt, type MaritalStatus } from './life.js';
import { familyName, fullName, type Region, type Sex } from './names.js';
import {
  FOREIGN_BIRTH_COUNTRIES,
  address,
  anyProvince,
  communeAndProvince,
  currentProvinceOfCode,
  regionOfCode,
} from './places.js';
import { Rng } from './prng.js';

/** The population-data fields the upstream returns (Luật Căn cước Art. 9; INTERFACE.md). */
export interface Citizen {
  idNumber: string;
  fullName: string;
  otherNames: string | null;
  dateOfBirth: string;
  gender: 'Nam' | 'Nữ';
  placeOfBirth: string;
  birthRegistrationPlace: string;
  hometown: string;
  ethnicity: string;
  religion: string;
  nationality: string;
  bloodGroup: string | null;
  oldIdNumber: string | null;
  permanentAddress: string;
  temporaryAddress: string | null;
  currentAddress: string;
  maritalStatus: MaritalStatus;
  householdHeadRelation: string;
  fatherName: string | null;
  motherName: string | null;
  spouseName: string | null;
  dateOfDeath: string | null;
}

/** Share of well-formed numbers that belong to nobody, so clients meet "not found" (INTERFACE.md). */
export const NOT_FOUND_RATE = 0.02;

/**
 * The citizen an ID number belongs to, or null when the number is malformed, states a future
 * birth, belongs to nobody (about 2%), or names a birth date still ahead of `today`. An
 * unverifiable prefix still yields a person: births registered abroad carry a country code.
 */
export function citizenFor(idNumber: string, today: Today): Citizen | null {
  const check = checkIdNumber(idNumber, today);
  // The upstream looks numbers up as keys: padding is not the same number.
  if (check.status === 'invalid' || check.idNumber !== idNumber) return null;
  const draw = (aspect: string) => Rng.fromSeed(`dancu-citizen:${idNumber}:${aspect}`);
  if (draw('exists').chance(NOT_FOUND_RATE)) return null;

  const sex: Sex = check.gender;
  const birth = dateInYear(draw('birth'), check.birthYear);
  if (isAfterToday(birth, today)) return null;

  const region: Region = regionOfCode(check.provinceCode);
  const course = drawLifeCourse(draw('life'), sex);
  const death = deathDate(draw('death'), birth, course.lifespan, today);
  const ageNow = ageOn(birth, today);
  const age = death ? Math.min(ageNow, course.lifespan) : ageNow;
  const status = maritalStatusAt(course, age);
  const family = familyName(draw('family'), region);
  const names = personNames(draw('names'), region, family, sex, check.birthYear);
  const origin = originOf(draw('origin'), check.provinceCode);
  const homes = homesOf(draw('homes'), origin.province);
  const traits = draw('traits');
  // Drawn whatever the age, so that a birthday changes only what it should. Temporary residence
  // is kept to working-age adults.
  const temporaryAddress = age >= 18 && age < 60 ? homes.temporary : null;

  return {
    idNumber,
    fullName: names.fullName,
    otherNames: names.otherName,
    dateOfBirth: isoDate(birth),
    gender: sex === 'male' ? 'Nam' : 'Nữ',
    placeOfBirth: origin.placeOfBirth,
    birthRegistrationPlace: origin.registration,
    hometown: homes.hometown,
    ethnicity: ethnicity(traits),
    religion: religion(traits),
    nationality: 'Việt Nam',
    bloodGroup: bloodGroup(traits),
    // 9-digit identity cards (CMND) were issued to people aged 14 and over until 2016-2021,
    // so only those born before 2000 may have one on record.
    oldIdNumber: check.birthYear < 2000 && traits.chance(0.8) ? traits.digits(9) : null,
    permanentAddress: homes.permanent,
    temporaryAddress,
    currentAddress: temporaryAddress ?? homes.current,
    maritalStatus: status,
    householdHeadRelation: householdRelation(draw('household'), age, sex, status),
    fatherName: names.father,
    motherName: names.mother,
    spouseName: status === 'Đã kết hôn' ? names.spouse : null,
    dateOfDeath: death ? isoDate(death) : null,
  };
}

interface PersonNames {
  fullName: string;
  otherName: string | null;
  father: string | null;
  mother: string | null;
  spouse: string;
}

/** The person's names and those of their family; children take the father's family name. */
function personNames(rng: Rng, region: Region, family: string, sex: Sex, birthYear: number): PersonNames {
  const own = fullName(rng, family, sex, birthYear);
  const alias = fullName(rng, family, sex, birthYear);
  const hasAlias = rng.chance(0.01) && alias !== own;
  const father = fullName(rng, family, 'male', birthYear - 25 - rng.int(-3, 12));
  const mother = fullName(rng, familyName(rng, region), 'female', birthYear - 22 - rng.int(-3, 12));
  const spouseSex: Sex = sex === 'male' ? 'female' : 'male';
  const spouseYear = birthYear + (sex === 'male' ? rng.int(0, 6) : -rng.int(0, 6));
  const spouse = fullName(rng, familyName(rng, region), spouseSex, spouseYear);
  return {
    fullName: own,
    otherName: hasAlias ? alias : null,
    father: rng.chance(0.02) ? null : father,
    mother: rng.chance(0.005) ? null : mother,
    spouse,
  };
}

interface Homes {
  permanent: string;
  /** Where they would be registered as temporarily resident, if they are (about 15%). */
  temporary: string | null;
  current: string;
  hometown: string;
}

function homesOf(rng: Rng, registered: Province2025 | undefined): Homes {
  const province = rng.chance(0.75) && registered ? registered : anyProvince(rng);
  const permanent = address(rng, province);
  const hometown = communeAndProvince(rng, rng.chance(0.7) && registered ? registered : anyProvince(rng));
  const temporary = address(rng, anyProvince(rng));
  const registersTemporary = rng.chance(0.15);
  // Few people live elsewhere without registering a temporary residence; keep it rare.
  const elsewhere = address(rng, province);
  return {
    permanent,
    temporary: registersTemporary ? temporary : null,
    hometown,
    current: rng.chance(0.05) ? elsewhere : permanent,
  };
}

/** Death falls in the year the lifespan ends, and only once that year is wholly past. */
function deathDate(rng: Rng, birth: CalendarDate, lifespan: number, today: Today): CalendarDate | null {
  const year = birth.year + lifespan;
  return year < today.year ? dateInYear(rng, year, birth) : null;
}

interface Origin {
  placeOfBirth: string;
  registration: string;
  /** The 2025 unit of the registration province; undefined for births registered abroad. */
  province: Province2025 | undefined;
}

function originOf(rng: Rng, code: string): Origin {
  const registered = provinceByCode(code);
  if (!registered) {
    const country = rng.pick(FOREIGN_BIRTH_COUNTRIES);
    const registration = `Cơ quan đại diện Việt Nam tại ${country}`;
    return { placeOfBirth: country, registration, province: undefined };
  }
  // Most people are registered where they were born; some are born elsewhere (e.g. a hospital
  // in a neighbouring province) and registered at home. Place names are the pre-2025 ones.
  const other = provinceByCode(rng.pick(['001', '079', '048', '031', '092', '075', '038', '040']));
  const placeOfBirth = rng.chance(0.9) || !other ? registered.name : other.name;
  return { placeOfBirth, registration: registered.name, province: currentProvinceOfCode(code) };
}
