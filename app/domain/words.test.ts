import { describe, expect, test } from "vitest";
import {
  CHIEF_EXECUTIVE_STATEMENT_WORD_LIMIT,
  LEARNING_OUTCOMES_NOTE_WORD_LIMIT,
  LINKS_STATEMENT_WORD_LIMIT,
  READINESS_STATEMENT_WORD_LIMIT,
  TWO_PAGE_WORD_LIMIT,
  countCharacters,
  countWords,
  formatCount,
  formatWordCount,
  wordCountMessage,
} from "~/domain/words";

// What GOV.UK Frontend's character count does in the browser when configured with maxwords
// (govuk-frontend character-count.mjs, updateCount).
const govukCharacterCountWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

describe("R-32 countWords counts as the GOV.UK character count does", () => {
  test.each([
    ["", 0],
    ["   \n\t ", 0],
    ["Getting it right", 3],
    ["  Getting   it\n\nright,\tand righting the wrongs  ", 7],
    ["customer-focused partnerships", 2],
    ["£12,345 – total", 3],
    ["don’t stop", 2],
    ["one\u00a0two", 2],
    ["https://www.communities.gov.uk/publications/communities/gettingitrighttoolkit", 1],
  ])("R-32 %j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(countWords(text)).toBe(govukCharacterCountWords(text));
  });

  test("R-32 agrees with the browser's count on mixed text of every kind of space", () => {
    const pieces = ["pledge", " ", "\n", "\r\n", "\t", "\u00a0", "\u2003", "frontline", "—", "LSPs,", "é"];
    let seed = 7;
    for (let sample = 0; sample < 200; sample += 1) {
      let text = "";
      for (let i = 0; i < 30; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      expect(countWords(text)).toBe(govukCharacterCountWords(text));
    }
  });

  test("R-32 a missing answer has no words", () => {
    expect(countWords(undefined)).toBe(0);
    expect(countWords(null)).toBe(0);
  });
});

describe("R-32 limits", () => {
  test("R-32 sections 2 to 9 share 1,000 words", () => {
    expect(TWO_PAGE_WORD_LIMIT).toBe(1_000);
  });

  test("R-31 supporting statements have their own limits", () => {
    expect(CHIEF_EXECUTIVE_STATEMENT_WORD_LIMIT).toBe(150);
    expect(LEARNING_OUTCOMES_NOTE_WORD_LIMIT).toBe(300);
    expect(READINESS_STATEMENT_WORD_LIMIT).toBe(300);
    expect(LINKS_STATEMENT_WORD_LIMIT).toBe(300);
  });

  test("R-32 counts read as GOV.UK writes them", () => {
    expect(formatCount(1043)).toBe("1,043");
    expect(formatCount(1_000_000)).toBe("1,000,000");
    expect(formatWordCount(1)).toBe("1 word");
    expect(formatWordCount(1043)).toBe("1,043 words");
    expect(wordCountMessage(138, 150)).toBe("You have 12 words remaining");
    expect(wordCountMessage(150, 150)).toBe("You have 0 words remaining");
    expect(wordCountMessage(151, 150)).toBe("You have 1 word too many");
    expect(wordCountMessage(1043, 1000)).toBe("You have 43 words too many");
  });

  test("characters are counted as a person counts them", () => {
    expect(countCharacters("£12,345")).toBe(7);
    expect(countCharacters("café 😀")).toBe(6);
    expect(countCharacters(undefined)).toBe(0);
  });
});
