/**
 * What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflow). jsdom has no layout, so a stub that never
 * reports a size change is the faithful model. Imported by the pane tests' render helper.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: NoLayoutResizeObserver, writable: true, configurable: true });
}

export {};
