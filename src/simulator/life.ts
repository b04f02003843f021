/** A synthetic person's life course: when they marry, divorce, are widowed, die, and their place in the household. */
import type { Sex } from './names.js';
import type { Rng } from './prng.js';

export type MaritalStatus = 'Chưa kết hôn' | 'Đã kết hôn' | 'Ly hôn' | 'Góa';

/**
 * Ages at which things happen, drawn once per person. Status on a given day follows from the
 * person's age then, so the same person stays coherent as the years pass: a child in one year
 * is the same child, married later, not a different person.
 */
export interface LifeCourse {
  readonly lifespan: number;
  readonly marriageAge: number | null;
  readonly divorceAge: number | null;
  readonly widowedAge: number | null;
}

// Luật Hôn nhân và gia đình 2014 Art. 8: men may marry from 20, women from 18.
const MIN_MARRIAGE_AGE: Record<Sex, number> = { male: 20, female: 18 };

export function drawLifeCourse(rng: Rng, sex: Sex): LifeCourse {
  const bell = (width: number) => Math.floor((rng.next() + rng.next()) * width);
  // Deaths stay rare among the working-age people a province usually looks up: an early death
  // for a few, otherwise somewhere between 65 and 100.
  const lifespan = rng.chance(0.005) ? rng.int(0, 64) : 65 + bell(18);
  const marriageAge = rng.chance(0.08) ? null : MIN_MARRIAGE_AGE[sex] + bell(8);
  const divorceAge = marriageAge !== null && rng.chance(0.06) ? marriageAge + rng.int(2, 20) : null;
  const widowedAge =
    marriageAge !== null && rng.chance(sex === 'female' ? 0.45 : 0.2) ? Math.max(marriageAge + 1, 45 + bell(22)) : null;
  return { lifespan, marriageAge, divorceAge, widowedAge };
}

export function maritalStatusAt(course: LifeCourse, age: number): MaritalStatus {
  if (course.marriageAge === null || age < course.marriageAge) return 'Chưa kết hôn';
  if (course.divorceAge !== null && age >= course.divorceAge) return 'Ly hôn';
  if (course.widowedAge !== null && age >= course.widowedAge) return 'Góa';
  return 'Đã kết hôn';
}

type Choices = ReadonlyArray<readonly [string, number]>;

/** Relation to the head of household, plausible for the person's age, sex and marital status. */
export function householdRelation(rng: Rng, age: number, sex: Sex, status: MaritalStatus): string {
  const male = sex === 'male';
  const sibling = male ? 'Anh' : 'Chị';
  const parent = male ? 'Bố' : 'Mẹ';
  let choices: Choices;
  if (age < 18) {
    choices = [['Con', 85], ['Cháu', 13], ['Em', 2]];
  } else if (status === 'Chưa kết hôn') {
    choices = age < 30
      ? [['Con', 75], ['Chủ hộ', 15], ['Cháu', 5], ['Em', 5]]
      : [['Chủ hộ', 45], ['Con', 45], [sibling, 5], ['Em', 5]];
  } else if (status === 'Đã kết hôn') {
    const old = age >= 60 ? 20 : 2;
    choices = male
      ? [['Chủ hộ', age < 30 ? 45 : 80], ['Con', age < 30 ? 40 : 12], ['Con rể', 6], [parent, old]]
      : [['Vợ', age < 30 ? 45 : 70], ['Con dâu', age < 30 ? 35 : 10], ['Con', 10], ['Chủ hộ', 8], [parent, old]];
  } else {
    choices = age >= 55
      ? [['Chủ hộ', 55], [parent, 40], ['Con', 5]]
      : [['Chủ hộ', 55], ['Con', 40], [sibling, 5]];
  }
  return rng.weighted(choices);
}
