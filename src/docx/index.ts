/**
 * The report draft as a Word document, ready for editing before publication. Node and browser (the docx library
 * runs in both); the tables come from the template layout in spec/layout.ts.
 */
export { OFFICIAL_FONTS, draftToDocx, type DocxFonts, type DocxOptions } from './writeDocx';
export { hasNonXmlChar, xmlSafeText } from './xmlText';
