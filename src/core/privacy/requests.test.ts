import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/index.js';
import { acknowledgementDue, requestTimeliness } from './requests.js';

const calendar = buildCalendar([2025, 2026]);

describe('acknowledging a data-subject request within 2 working days', () => {
  it('counts from the day after receipt', () => {
    expect(acknowledgementDue('2026-03-04', calendar)).toBe('2026-03-06');
  });

  it('skips the weekend', () => {
    expect(acknowledgementDue('2026-03-06', calendar)).toBe('2026-03-10');
  });

  it('skips the Tết days off of 2026', () => {
    expect(acknowledgementDue('2026-02-13', calendar)).toBe('2026-02-24');
  });

  it('skips New Year and counts a decreed working Saturday', () => {
    expect(acknowledgementDue('2025-12-31', calendar)).toBe('2026-01-06');
    expect(acknowledgementDue('2026-01-08', calendar)).toBe('2026-01-10');
  });

  it('says when a request is already late', () => {
    expect(requestTimeliness('2026-03-04', '2026-03-06', calendar)).toEqual({ receivedOn: '2026-03-04', acknowledgeBy: '2026-03-06', late: false });
    expect(requestTimeliness('2026-03-04', '2026-03-09', calendar).late).toBe(true);
  });
});
