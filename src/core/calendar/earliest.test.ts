import { describe, expect, it } from 'vitest';
import { checkPlannedDate, earliestPermittedDate, formatViDate, isValidCivilDate } from './earliest.js';
import { buildCalendar } from './working-days.js';

// Every expectation below was counted by hand from the schedules in DOMAIN.md §6:
// n = n-th working day counted, "off" = scheduled day off, "we" = weekend.
const cal = buildCalendar([2025, 2026, 2027]);

describe('earliestPermittedDate on the official schedules (R2)', () => {
  it('skips the whole Tết 2026 week for a submission on Friday 13/02/2026', () => {
    // 14–15 we; 16–20/02 off (Tết); 21–22 we; Mon 23 (1), 24 (2), 25 (3), 26 (4), Fri 27 (5);
    // 28/02–01/03 we; Mon 02/03 (6), 03 (7), 04 (8), 05 (9), Fri 06/03 (10) -> Sat 07/03.
    const r = earliestPermittedDate('2026-02-13', cal);
    expect(r.countedDays).toEqual([
      '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27',
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06',
    ]);
    expect(r.earliest).toBe('2026-03-07');
  });

  it('counts the working Saturday 10/01/2026 and skips 01–02/01/2026', () => {
    // From Wed 31/12/2025: Thu 01/01 off, Fri 02/01 off; 03–04 we; Mon 05 (1), 06 (2), 07 (3),
    // 08 (4), Fri 09 (5), Sat 10 worked (6); Sun 11 we; Mon 12 (7), 13 (8), 14 (9), Thu 15 (10).
    const r = earliestPermittedDate('2025-12-31', cal);
    expect(r.countedDays).toContain('2026-01-10');
    expect(r.earliest).toBe('2026-01-16');
  });

  it('crosses the year end from Wednesday 24/12/2025', () => {
    // Thu 25 (1), Fri 26 (2); 27–28 we; Mon 29 (3), Tue 30 (4), Wed 31 (5); 01–02/01 off;
    // 03–04 we; Mon 05 (6), 06 (7), 07 (8), 08 (9), Fri 09/01 (10) -> Sat 10/01/2026.
    expect(earliestPermittedDate('2025-12-24', cal).earliest).toBe('2026-01-10');
  });

  it('counts the working Saturday 22/08/2026 and skips 31/08–02/09/2026', () => {
    // From Wed 19/08: Thu 20 (1), Fri 21 (2), Sat 22 worked (3); Sun 23 we; Mon 24 (4), 25 (5),
    // 26 (6), 27 (7), Fri 28 (8); 29–30 we; 31/08, 01/09, 02/09 off; Thu 03 (9), Fri 04/09 (10).
    expect(earliestPermittedDate('2026-08-19', cal).earliest).toBe('2026-09-05');
  });

  it('skips Ngày Văn hóa Việt Nam, Tuesday 24/11/2026', () => {
    // From Mon 16/11: 17 (1), 18 (2), 19 (3), Fri 20 (4); 21–22 we; Mon 23 (5); Tue 24 off;
    // 25 (6), 26 (7), Fri 27 (8); 28–29 we; Mon 30 (9), Tue 01/12 (10) -> Wed 02/12/2026.
    const r = earliestPermittedDate('2026-11-16', cal);
    expect(r.countedDays).not.toContain('2026-11-24');
    expect(r.earliest).toBe('2026-12-02');
  });

  it('counts the working Saturday 26/04/2025 and skips 30/04–02/05/2025', () => {
    // From Thu 24/04: Fri 25 (1), Sat 26 worked (2); Sun 27 we; Mon 28 (3), Tue 29 (4);
    // 30/04, 01/05, 02/05 off; 03–04 we; Mon 05 (5), 06 (6), 07 (7), 08 (8), Fri 09 (9);
    // 10–11 we; Mon 12/05 (10) -> Tue 13/05/2025.
    expect(earliestPermittedDate('2025-04-24', cal).earliest).toBe('2025-05-13');
  });

  it('uses the statutory 2027 calendar, with Tết make-up days, when no schedule is published', () => {
    // From Thu 04/02/2027: Fri 05 off; 06–07 we (Tết); Mon 08, Tue 09 off (Tết); Wed 10, Thu 11
    // off (make-up for 06 and 07); Fri 12 (1); Mon 15 (2), 16 (3), 17 (4), 18 (5), Fri 19 (6);
    // Mon 22 (7), 23 (8), 24 (9), Thu 25 (10) -> Fri 26/02/2027.
    expect(earliestPermittedDate('2027-02-04', cal).earliest).toBe('2027-02-26');
  });

  it('follows an override over the official schedule', () => {
    // Same submission as the Tết 2026 case, but an override with no days off for 2026:
    // Mon 16 (1) … Fri 20 (5), Mon 23 (6) … Fri 27/02 (10) -> Sat 28/02/2026.
    const plain = buildCalendar([2026], new Map([[2026, { daysOff: [], workingSaturdays: [] }]]));
    expect(earliestPermittedDate('2026-02-13', plain).earliest).toBe('2026-02-28');
  });

  it('takes another notice period when asked, and refuses a non-positive one', () => {
    // From Fri 13/02/2026 the 1st working day is Mon 23/02 -> Tue 24/02.
    expect(earliestPermittedDate('2026-02-13', cal, 1).earliest).toBe('2026-02-24');
    expect(() => earliestPermittedDate('2026-02-13', cal, 0)).toThrow(RangeError);
    expect(() => earliestPermittedDate('2026-02-30', cal)).toThrow(RangeError);
  });

  it('fails loudly on a calendar without working days instead of looping', () => {
    const closed = { isWorkingDay: () => false, dayOffLabel: () => 'x' };
    expect(() => earliestPermittedDate('2026-01-05', closed)).toThrow(/check the calendar/);
  });
});

describe('checkPlannedDate', () => {
  // From Wed 11/02/2026: Thu 12 (1), Fri 13 (2); 14–15 we; 16–20 off (Tết); 21–22 we;
  // Mon 23 (3), 24 (4), 25 (5), 26 (6), Fri 27 (7); we; Mon 02/03 (8), 03 (9), Wed 04/03 (10).
  it('accepts the earliest permitted date and anything later', () => {
    expect(checkPlannedDate('2026-02-11', '2026-03-05', cal)).toEqual({ ok: true });
    expect(checkPlannedDate('2026-02-11', '2026-06-01', cal)).toEqual({ ok: true });
  });

  it('refuses an earlier date with the earliest date in a Vietnamese message', () => {
    expect(checkPlannedDate('2026-02-11', '2026-03-04', cal)).toEqual({
      ok: false,
      earliest: '2026-03-05',
      message:
        'Ngày dự kiến sử dụng phải từ 05/03/2026 trở đi (tối thiểu 10 ngày làm việc sau ngày gửi đề nghị)',
    });
  });

  it('refuses a planned date on or before the submission itself', () => {
    const r = checkPlannedDate('2026-02-11', '2026-02-11', cal);
    expect(r.ok).toBe(false);
    expect(() => checkPlannedDate('2026-02-11', '04/03/2026', cal)).toThrow(RangeError);
  });

  it('re-exports the date helpers the form needs', () => {
    expect(isValidCivilDate('2026-03-05')).toBe(true);
    expect(formatViDate('2026-03-05')).toBe('05/03/2026');
  });
});
