/**
 * The adapter's structural host types must be satisfied by the real Office types, so that code tested against the
 * fake is valid against Excel. When they drift apart this file stops compiling, which fails `tsc` and this test.
 */
import type * as H from '../../src/excel/host';

const fits = {
  context: (x: Excel.RequestContext): H.XlContext => x,
  range: (x: Excel.Range): H.XlRange => x,
  worksheet: (x: Excel.Worksheet): H.XlWorksheet => x,
  format: (x: Excel.RangeFormat): H.XlRangeFormat => x,
  validation: (x: Excel.DataValidation): H.XlDataValidation => x,
  notes: (x: Excel.NoteCollection): H.XlNoteCollection => x,
  comments: (x: Excel.CommentCollection): H.XlCommentCollection => x,
  names: (x: Excel.NamedItemCollection): H.XlNamedItemCollection => x,
  pageLayout: (x: Excel.PageLayout): H.XlPageLayout => x,
  conditionalFormats: (x: Excel.ConditionalFormatCollection): H.XlConditionalFormatCollection => x,
};

test('the real Excel types satisfy the adapter host types (checked by the compiler)', () => {
  expect(Object.keys(fits)).toHaveLength(10);
});
