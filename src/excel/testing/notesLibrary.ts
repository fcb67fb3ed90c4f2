/**
 * TEST ONLY: a stand-in for a newer office.js that has notes (ExcelApi 1.18). The npm package (1.1.110, the newest
 * there) has no Note classes, while Microsoft 365 hosts report 1.18 and the CDN copy has them. So that the adapter's
 * notes path can run at all, this adds `Excel.NoteCollection`, `Excel.Note`, `Workbook.notes` and `Worksheet.notes` to
 * a loaded library, written from their reference in @types/office-js and built only from the library's own machinery
 * (OfficeExtension.ClientObject and BatchApiHelper, as the library's generated classes are): requests still go through
 * its object paths, serialisation and response handling. Tests say when they use it; the proof that the real 1.1.110
 * library works on a 1.18 host runs without it (test/officejs/capabilities.test.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the library's internals are untyped */

export function addNotesToLibrary(win: { Excel: any; OfficeExtension: any }): void {
  const { Excel, OfficeExtension } = win;
  // A library that has notes already (a newer copy through OFFICE_JS_DIR) is used as it is.
  if ('notes' in Excel.Workbook.prototype) return;
  const H = OfficeExtension.BatchApiHelper;
  const U = OfficeExtension.Utility;
  const Base = OfficeExtension.ClientObject;
  const need = (member: string): void => U.throwIfApiNotSupported(member, 'ExcelApi', '1.18', 'Excel');

  const defineClass = (name: string, isCollection: boolean): any => {
    const C = function (this: any, context: unknown, objectPath: unknown) {
      return Base.call(this, context, objectPath) || this;
    } as any;
    C.prototype = Object.create(Base.prototype, { constructor: { value: C, writable: true, configurable: true } });
    Object.defineProperty(C.prototype, '_className', { get: () => name, configurable: true });
    if (isCollection) Object.defineProperty(C.prototype, '_isCollection', { get: () => true, configurable: true });
    C.prototype.load = function (this: any, options: unknown) {
      return U.load(this, options);
    };
    Excel[name] = C;
    return C;
  };

  const Note = defineClass('Note', false);
  Object.defineProperty(Note.prototype, 'content', {
    get(this: any) {
      U.throwIfNotLoaded('content', this._Content, 'Note', this._isNull);
      return this._Content;
    },
    set(this: any, value: string) {
      this._Content = value;
      H.invokeSetProperty(this, 'Content', value, 0);
    },
    enumerable: true,
    configurable: true,
  });
  Note.prototype.delete = function (this: any): void {
    need('Note.delete');
    H.invokeMethod(this, 'Delete', 0, [], 0, 0);
  };
  Note.prototype.getLocation = function (this: any) {
    return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, false, null, 4);
  };
  Note.prototype._handleResult = function (this: any, value: any) {
    Base.prototype._handleResult.call(this, value);
    if (value === null || value === undefined) return;
    U.fixObjectPathIfNecessary(this, value);
    if (value.Content !== undefined) this._Content = value.Content;
  };
  Note.prototype._handleIdResult = function (this: any, value: any) {
    Base.prototype._handleIdResult.call(this, value);
  };

  const NoteCollection = defineClass('NoteCollection', true);
  Object.defineProperty(NoteCollection.prototype, 'items', {
    get(this: any) {
      U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    },
    enumerable: true,
    configurable: true,
  });
  NoteCollection.prototype.add = function (this: any, cellAddress: unknown, content: string) {
    need('NoteCollection.add');
    return H.createMethodObject(Excel.Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
  };
  NoteCollection.prototype.getItem = function (this: any, key: string) {
    return H.createMethodObject(Excel.Note, this, 'GetItem', 1, [key], false, false, null, 4);
  };
  NoteCollection.prototype.getItemOrNullObject = function (this: any, key: string) {
    return H.createMethodObject(Excel.Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
  };
  NoteCollection.prototype.getItemAt = function (this: any, index: number) {
    return H.createMethodObject(Excel.Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
  };
  NoteCollection.prototype._handleResult = function (this: any, value: any) {
    Base.prototype._handleResult.call(this, value);
    if (value === null || value === undefined) return;
    U.fixObjectPathIfNecessary(this, value);
    const items = value[OfficeExtension.Constants.items];
    if (items === null || items === undefined) return;
    this.m__items = items.map((data: unknown, i: number) => {
      // No indexer by id: items are addressed by position (GetItemAt), as for the library's own id-less collections.
      const item = H.createChildItemObject(Excel.Note, false, this, data, i);
      item._handleResult(data);
      return item;
    });
  };

  const notesOf = (owner: any): PropertyDescriptor => ({
    get(this: any) {
      need(`${owner}.notes`);
      if (!this._NotesShim) this._NotesShim = H.createPropertyObject(Excel.NoteCollection, this, 'Notes', true, 4);
      return this._NotesShim;
    },
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(Excel.Workbook.prototype, 'notes', notesOf('Workbook'));
  Object.defineProperty(Excel.Worksheet.prototype, 'notes', notesOf('Worksheet'));
}
