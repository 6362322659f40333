// R-41 The bid's answers that an assessor reads beside each criterion. Pure: no I/O.

import { answerLines } from "~/domain/eoi/display";
import { SECTIONS, sectionById, shownQuestions, type EoiAnswers, type Section } from "~/domain/eoi/sections";
import { CRITERION_EVIDENCE, type CriterionKey } from "./criteria";

export interface AnswerBlock {
  title: string;
  items: Array<{ label: string; lines: string[] }>;
}

function block(section: Section, answers: EoiAnswers, only?: readonly string[]): AnswerBlock {
  const sectionAnswers = answers[section.id] ?? {};
  return {
    title: `${section.number}. ${section.title}`,
    items: shownQuestions(section, sectionAnswers)
      .filter((question) => !only || only.includes(question.name))
      .map((question) => ({ label: question.label, lines: answerLines(question, sectionAnswers[question.name]) })),
  };
}

/** R-41 The answers that bear on one criterion, section by section. */
export function criterionEvidence(key: CriterionKey, answers: EoiAnswers): AnswerBlock[] {
  return CRITERION_EVIDENCE[key].map((source) => block(sectionById(source.section), answers, source.questions));
}

/** The whole expression of interest, every section in order. */
export function wholeBid(answers: EoiAnswers): AnswerBlock[] {
  return SECTIONS.map((section) => block(section, answers));
}
