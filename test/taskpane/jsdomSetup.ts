/**
 * What jsdom lacks and the pane uses: ResizeObserver (Fluent's MessageBar reflow; jsdom has no layout, so a stub that
 * never reports a size change is the faithful model) and Blob.arrayBuffer (the 审核 tab reads picked files with it;
 * browsers have it since Chromium 76, jsdom 20 not: made here from jsdom's own FileReader), and TextDecoder (the
 * readers decode with it; jest's jsdom environment leaves it out: Node's own, which is the WHATWG one). Imported first
 * by the pane tests.
 */
import { TextDecoder as NodeTextDecoder } from 'node:util';

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: NoLayoutResizeObserver, writable: true, configurable: true });
}

if (typeof Blob !== 'undefined' && !('arrayBuffer' in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    writable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

if (typeof globalThis.TextDecoder === 'undefined') {
  Object.defineProperty(globalThis, 'TextDecoder', { value: NodeTextDecoder, writable: true, configurable: true });
}

export {};
