// R-43 ties are broken by the earlier submission time, compared as instants.
// An instant is an ISO-8601 date and time with a time zone (RFC 3339 profile):
//   2009-07-16T10:04:00Z   2009-07-16T11:04:00+01:00   2009-07-16T10:04:00.250Z
// Seconds and a fraction (up to nine digits) are optional; the zone is not.

export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  epochSeconds: number;
  /** Nanoseconds within that second, 0..999,999,999. */
  nanoseconds: number;
}

export type InstantReading = { ok: true; instant: Instant } | { ok: false; problem: "no-zone" | "not-an-instant" };

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

export function readInstant(text: string): InstantReading {
  const match = INSTANT.exec(text);
  if (!match) return { ok: false, problem: "not-an-instant" };
  const [, year, month, day, hour, minute, second = "0", fraction = "", zulu, sign, offsetHours, offsetMinutes = "0"] =
    match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return { ok: false, problem: "not-an-instant" };
  }
  if (!zulu && !sign) return { ok: false, problem: "no-zone" };
  let offsetSeconds = 0;
  if (sign) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return { ok: false, problem: "not-an-instant" };
    offsetSeconds = (sign === "-" ? -1 : 1) * (oh * 3600 + om * 60);
  }
  return {
    ok: true,
    instant: {
      epochSeconds: daysSinceEpoch(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offsetSeconds,
      nanoseconds: Number(fraction.padEnd(9, "0")),
    },
  };
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds - b.epochSeconds || a.nanoseconds - b.nanoseconds;
}
