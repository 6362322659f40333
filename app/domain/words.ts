// R-32 One way of counting words, shared by the server and the browser.
//
// GOV.UK Frontend's character count, configured with `maxwords`, counts
// `text.match(/\S+/g)` — every run of non-space characters is a word. We count the same way
// so the live count an officer sees and the limit the server enforces always agree.
// (Its newer `countType: "words"` mode uses Intl.Segmenter instead, which counts
// "customer-focused" as two words and depends on the browser's ICU data: do not use it.)

const WORD = /\S+/g;

/** R-32 The number of words in a piece of text, counted as GOV.UK's character count does. */
export function countWords(text: string | null | undefined): number {
  if (!text) return 0;
  return text.match(WORD)?.length ?? 0;
}

/** The number of characters as a person counts them (code points, so "£" and "é" are one each). */
export function countCharacters(text: string | null | undefined): number {
  if (!text) return 0;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

// R-32 Sections 2 to 9 together: the "two A4 pages" of the outline.
export const TWO_PAGE_WORD_LIMIT = 1_000;

// R-32 A ceiling on the characters of the same sections, so that 1,000 very long words
// cannot overflow two pages. Prose runs at 6 to 7 characters a word with its space; 9,000
// leaves room for the programme's long words ("partnership", "improvement") while bounding
// what the A4 PDF must fit.
export const TWO_PAGE_CHARACTER_LIMIT = 9_000;

// R-31 Supporting documents (section 10) and their own limits.
export const CHIEF_EXECUTIVE_STATEMENT_WORD_LIMIT = 150;
export const LEARNING_OUTCOMES_NOTE_WORD_LIMIT = 300;
export const READINESS_STATEMENT_WORD_LIMIT = 300;
export const LINKS_STATEMENT_WORD_LIMIT = 300;

// Hard caps on what any one answer may hold (bad input, not a programme rule): a name,
// email or phone number, and a written answer.
export const SHORT_ANSWER_CHARACTER_LIMIT = 200;
export const LONG_ANSWER_CHARACTER_LIMIT = 10_000;

/** "1,043" — thousands separated by commas, the same in every browser and on the server. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 word", "1,043 words" */
export function formatWordCount(words: number): string {
  return `${formatCount(words)} ${words === 1 ? "word" : "words"}`;
}

/** "1 character", "8,120 characters" */
export function formatCharacterCount(characters: number): string {
  return `${formatCount(characters)} ${characters === 1 ? "character" : "characters"}`;
}

/**
 * R-32 The GOV.UK character-count message for a word limit: "You have 12 words remaining",
 * "You have 1 word too many", "You have 0 words remaining".
 */
export function wordCountMessage(words: number, limit: number): string {
  const remaining = limit - words;
  if (remaining >= 0) return `You have ${formatWordCount(remaining)} remaining`;
  return `You have ${formatWordCount(-remaining)} too many`;
}
