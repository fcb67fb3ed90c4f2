/**
 * The report's narrative: drafting every section from the figures with the spec's templates, rendering a draft as
 * text or Markdown, and checking written text against the tables (TEXT-NUMBER).
 */
export { draftNarrative, type Draft, type DraftOptions, type DraftSection, type DraftSentence } from './draft';
export { draftToMarkdown, draftToText, paragraphs, simpleTable, type SimpleTable } from './render';
export { checkNarrative, lastSubject, normaliseNarrative, readSentence, splitSentences } from './check';
