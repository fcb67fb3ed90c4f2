/**
 * A Web Worker that reads a saved web page as the command line does: bytes decoded by src/text, the page parsed by
 * src/text into text and table cells, imported by core. Bundled for the browser by test/text/chromium.test.ts.
 */
import { decodeText, htmlDocument } from '../../src/text';
import { importDocument } from '../../src/core/importText';

interface WorkerScope {
  onmessage: ((e: { data: Uint8Array }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const decoded = decodeText(e.data);
  if (!decoded.ok) {
    scope.postMessage({ error: decoded.error });
    return;
  }
  const doc = htmlDocument(decoded.text);
  scope.postMessage({ encoding: decoded.encoding, doc, result: importDocument(doc) });
};
