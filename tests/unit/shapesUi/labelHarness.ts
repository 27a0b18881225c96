import { afterEach, beforeEach, vi } from 'vitest';
import {
  Editor,
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  tipTapDefaultExtensions,
  type TLAnyShapeUtilConstructor,
  type TLStoreSnapshot,
} from 'tldraw';

/*
 * jsdom has no layout, so text gets a stand-in one: half the font size per character,
 * wrapped at the element's max-width, 1.35 lines; with `overflow-wrap: normal` the unbroken
 * width shows as scrollWidth (what makes tldraw shrink a note's font). The same element
 * gives the same answer whenever it is measured, as in a browser.
 */
function fakeLayout(el: HTMLElement): { w: number; h: number; scrollWidth: number } {
  const fontSize = parseFloat(el.style.getPropertyValue('font-size')) || 16;
  const maxWidth = parseFloat(el.style.getPropertyValue('max-width')) || Infinity;
  const minWidth = parseFloat(el.style.getPropertyValue('min-width')) || 0;
  const natural = (el.textContent ?? '').length * fontSize * 0.5;
  const w = Math.max(minWidth, Math.min(natural, maxWidth));
  const lines = Math.max(1, Math.ceil(natural / Math.max(1, w)));
  const breaks = el.style.getPropertyValue('overflow-wrap') !== 'normal';
  return { w, h: Math.round(lines * fontSize * 1.35), scrollWidth: breaks ? w : Math.max(w, natural) };
}

/**
 * Registers the hooks of a label test file (jsdom): text gets the stand-in layout above, and
 * every editor made by the returned `editorOver` is disposed after each test.
 */
export function useLabelEditors(): { editorOver(snapshot: TLStoreSnapshot | undefined, utils: readonly TLAnyShapeUtilConstructor[]): Editor } {
  const editors: Editor[] = [];
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const { w, h } = fakeLayout(this);
      return { x: 0, y: 0, top: 0, left: 0, right: w, bottom: h, width: w, height: h, toJSON: () => ({}) } as DOMRect;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return fakeLayout(this).scrollWidth;
    });
  });
  afterEach(() => {
    for (const e of editors.splice(0)) e.dispose();
    vi.restoreAllMocks();
  });
  return {
    /** An editor as <Tldraw> makes one, over a store loaded before it (as the board's is). */
    editorOver(snapshot, utils) {
      const shapeUtils = [...defaultShapeUtils.filter((u) => !utils.some((b) => b.type === u.type)), ...utils];
      const container = document.createElement('div');
      document.body.appendChild(container);
      const editor = new Editor({
        store: createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils, ...(snapshot ? { snapshot } : {}) }),
        shapeUtils,
        bindingUtils: defaultBindingUtils,
        tools: [...defaultTools, ...defaultShapeTools],
        getContainer: () => container,
        // Entering the select tool builds the spatial index: every shape's geometry.
        initialState: 'select',
        options: { text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } } },
      });
      editors.push(editor);
      return editor;
    },
  };
}
