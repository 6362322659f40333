// Reading a GOV.UK date input (day, month, year) into a calendar date, with GOV.UK's messages.
import { isoDate, isIsoDate, type IsoDate } from "~/domain/calendar";

export type DateInputResult = { ok: true; date: IsoDate } | { ok: false; error: string };

/** `what` completes the messages: "Enter the date expressions of interest close". */
export function parseDateInput(parts: { day?: string; month?: string; year?: string }, what: string): DateInputResult {
  const day = (parts.day ?? "").trim();
  const month = (parts.month ?? "").trim();
  const year = (parts.year ?? "").trim();
  if (!day && !month && !year) return { ok: false, error: `Enter ${what}` };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length) return { ok: false, error: `${capitalise(what)} must include a ${missing.join(" and ")}` };
  if (![day, month, year].every((p) => /^\d+$/.test(p))) return { ok: false, error: `${capitalise(what)} must be a real date` };
  if (year.length !== 4) return { ok: false, error: `Year must include 4 numbers` };
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isIsoDate(date) || isoDate(Number(year), Number(month), Number(day)) !== date) return { ok: false, error: `${capitalise(what)} must be a real date` };
  return { ok: true, date };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
