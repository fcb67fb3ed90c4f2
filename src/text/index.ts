/**
 * Reading text files for any host: bytes to text in the encodings Chinese offices save in, and web pages to the
 * importer's document (text and table cells). No Node modules and no DOM, so the same code runs in the command line
 * and in a browser Web Worker.
 */
export { decodeText, type DecodeOutcome } from './decode';
export { htmlDocument, looksLikeHtml } from './html';
