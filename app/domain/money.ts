// R-33 Money is stored and calculated as integer pence, never as floating pounds.
// Officers type amounts the way they write them ("£12,345.50", "12345.5", "12,345");
// anything we cannot read with certainty is rejected with a message that says why.

export type MoneyParseFailure =
  | "empty"
  | "format"
  | "decimals"
  | "commas"
  | "negative"
  | "too-large";

export type MoneyParseResult =
  | { ok: true; pence: number }
  | { ok: false; error: string; reason: MoneyParseFailure };

// R-33 A ceiling far above anything this programme funds (the whole fund is £900,000),
// so a mistyped extra digit is caught and pence stay a safe integer.
export const MAXIMUM_AMOUNT_PENCE = 100_000_000_00; // £100,000,000

const MINUS_SIGNS = /^[-\u2212\u2013]/; // hyphen-minus, minus sign, en dash
const AMOUNT = /^([\d,]+)(?:\.(\d+))?$/;
const GROUPED_THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/**
 * R-33 Reads an amount of money typed by an officer into integer pence.
 * `subject` names the field in the messages ("amount for cost 2"); it defaults to "amount".
 */
export function parseMoney(
  input: string,
  { subject = "amount" }: { subject?: string } = {},
): MoneyParseResult {
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  const fail = (reason: MoneyParseFailure, error: string): MoneyParseResult => ({
    ok: false,
    reason,
    error,
  });

  let rest = input.trim();
  if (rest === "") return fail("empty", `Enter the ${subject}`);

  let negative = false;
  if (MINUS_SIGNS.test(rest)) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }
  if (rest.startsWith("£")) rest = rest.slice(1).trimStart();
  if (!negative && MINUS_SIGNS.test(rest)) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }

  const formatError = fail("format", `Enter the ${subject} in pounds and pence, like £12,345.50`);
  const match = AMOUNT.exec(rest);
  if (!match) return formatError;
  const [, wholePounds, decimals] = match as unknown as [string, string, string | undefined];

  if (wholePounds.includes(",") && !GROUPED_THOUSANDS.test(wholePounds)) {
    return fail(
      "commas",
      subject === "amount"
        ? "Commas must separate thousands, like 12,345"
        : `Commas in the ${subject} must separate thousands, like 12,345`,
    );
  }
  if (decimals !== undefined && decimals.length > 2) {
    return fail("decimals", `${Subject} must have no more than 2 decimal places`);
  }

  const digits = wholePounds.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  if (negative) return fail("negative", `${Subject} must be £0 or more`);
  const tooLarge = fail(
    "too-large",
    `${Subject} must be ${formatMoney(MAXIMUM_AMOUNT_PENCE)} or less`,
  );
  // Checked on the digits first so a 30-digit number never becomes an unsafe float.
  if (digits.length > String(MAXIMUM_AMOUNT_PENCE / 100).length) return tooLarge;

  const pence = Number(digits) * 100 + Number((decimals ?? "").padEnd(2, "0"));
  if (pence > MAXIMUM_AMOUNT_PENCE) return tooLarge;
  return { ok: true, pence };
}

/**
 * R-33 Shows an amount as GOV.UK writes money: "£12,345", or "£12,345.50" when the amount
 * has pence or `pence: true` is asked for (tables where every row shows pence).
 */
export function formatMoney(pence: number, options: { pence?: boolean } = {}): string {
  const sign = pence < 0 ? "-" : "";
  return `${sign}£${formatMoneyForInput(Math.abs(pence), options)}`;
}

/**
 * R-33 The amount as it goes back into a form field that already shows "£" as a prefix:
 * "12,345" or "12,345.50". parseMoney reads it back to the same pence.
 */
export function formatMoneyForInput(pence: number, options: { pence?: boolean } = {}): string {
  if (!Number.isSafeInteger(pence)) {
    throw new RangeError(`Money must be a whole number of pence, got ${pence}`);
  }
  const sign = pence < 0 ? "-" : "";
  const absolute = Math.abs(pence);
  const pounds = Math.floor(absolute / 100);
  const remainder = absolute % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const showPence = options.pence === true || remainder !== 0;
  return `${sign}${grouped}${showPence ? `.${String(remainder).padStart(2, "0")}` : ""}`;
}

/** R-33 Sums amounts in pence (integers, so the total is exact). */
export function sumPence(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}
