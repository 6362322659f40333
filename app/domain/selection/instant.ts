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

export type InstantReading = { ok: true; instant: Instant } | { ok: false; problem: InstantProblem };

export type InstantProblem = "no-zone" | "not-an-instant";
const NOT_AN_INSTANT: InstantProblem = "not-an-instant";
const NO_ZONE: InstantProblem = "no-zone";

/** `count` digits of `text` from `start` as a number, or −1. */
function digitsAt(text: string, start: number, count: number): number {
  if (start + count > text.length) return -1;
  let value = 0;
  for (let at = start; at < start + count; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function readInstant(text: string): InstantReading {
  const instant: Instant = { epochSeconds: 0, nanoseconds: 0 };
  const problem = readInstantInto(text, instant);
  return problem === null ? { ok: true, instant } : { ok: false, problem };
}

/**
 * Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH[[:]MM]`, character by character,
 * into `instant`; returns what is wrong, or null. It runs for every candidate, so it allocates
 * nothing (no regular expression's captured strings, no result objects).
 */
export function readInstantInto(text: string, instant: Instant): InstantProblem | null {
  // The fixed part: YYYY-MM-DDTHH:MM
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const separator = text[10];
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text[4] !== "-" ||
    text[7] !== "-" ||
    (separator !== "T" && separator !== "t") ||
    text[13] !== ":"
  ) {
    return NOT_AN_INSTANT;
  }
  let at = 16;
  let second = 0;
  let nanoseconds = 0;
  if (text[at] === ":") {
    second = digitsAt(text, at + 1, 2);
    if (second < 0) return NOT_AN_INSTANT;
    at += 3;
    if (text[at] === "." || text[at] === ",") {
      const start = ++at;
      while (at < text.length && at - start < 10 && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
      const length = at - start;
      if (length < 1 || length > 9) return NOT_AN_INSTANT;
      nanoseconds = Number(text.slice(start, at)) * 10 ** (9 - length);
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return NOT_AN_INSTANT;
  }
  if (at === text.length) return NO_ZONE;
  let offsetSeconds = 0;
  const zone = text[at];
  if (zone === "Z" || zone === "z") {
    at++;
  } else if (zone === "+" || zone === "-") {
    const offsetHours = digitsAt(text, at + 1, 2);
    if (offsetHours < 0 || offsetHours > 23) return NOT_AN_INSTANT;
    at += 3;
    let offsetMinutes = 0;
    if (at < text.length) {
      if (text[at] === ":") at++;
      offsetMinutes = digitsAt(text, at, 2);
      if (offsetMinutes < 0 || offsetMinutes > 59) return NOT_AN_INSTANT;
      at += 2;
    }
    offsetSeconds = (zone === "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  } else {
    return NOT_AN_INSTANT;
  }
  if (at !== text.length) return NOT_AN_INSTANT;
  instant.epochSeconds = daysSinceEpoch(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  instant.nanoseconds = nanoseconds;
  return null;
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
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds - b.epochSeconds || a.nanoseconds - b.nanoseconds;
}
