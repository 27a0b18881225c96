// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor } from 'tldraw';
import { CaseBoardPanels } from '../../../client/shapes/index.ts';
import type { ServiceCardShape } from '../../../shared/shapes/index.ts';
import { makeEditor } from './editorHarness.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let editor: Editor;
let root: Root;
let host: HTMLElement;

beforeEach(() => {
  editor = makeEditor();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root.render(<CaseBoardPanels editor={editor} />));
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  editor.dispose();
});

const byTestId = <T extends HTMLElement>(id: string) => host.querySelector<T>(`[data-testid="${id}"]`);

// React listens for 'input'; the value must be set through the native setter to be seen.
function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string, init: InputEventInit = {}) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, ...init }));
}

function addCard(props: Partial<ServiceCardShape['props']>) {
  const id = createShapeId();
  act(() => {
    editor.createShape<ServiceCardShape>({ id, type: 'rb-service', props });
    editor.select(id);
  });
  return id;
}

describe('the side panel', () => {
  it('shows the ケース会議 buttons, which place and select a shape', () => {
    act(() => byTestId<HTMLButtonElement>('add-rb-voice')!.click());
    const [shape] = editor.getSelectedShapes();
    expect(shape?.type).toBe('rb-voice');
    expect(byTestId('voice-panel')).not.toBeNull();
  });

  it('edits a service card; the service name links to the catalogue', () => {
    const id = addCard({ system: 'shogai' });
    act(() => typeInto(byTestId<HTMLInputElement>('service-name')!, '重訪'));
    expect(editor.getShape<ServiceCardShape>(id)!.props).toMatchObject({ service: '重訪', serviceId: 'judo-homon-kaigo' });
    act(() => typeInto(byTestId<HTMLInputElement>('service-provider')!, 'さくら介護'));
    expect(editor.getShape<ServiceCardShape>(id)!.props.provider).toBe('さくら介護');
    const status = byTestId<HTMLSelectElement>('service-status')!;
    act(() => {
      status.value = 'ending';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(editor.getShape<ServiceCardShape>(id)!.props.status).toBe('ending');
  });

  it('does not write half-converted Japanese while an IME is composing', () => {
    const id = addCard({ system: 'shogai', provider: '' });
    const input = byTestId<HTMLInputElement>('service-provider')!;
    act(() => input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true })));
    act(() => typeInto(input, 'ひ', { isComposing: true }));
    act(() => typeInto(input, 'ひま', { isComposing: true }));
    act(() => typeInto(input, '暇', { isComposing: true }));
    expect(editor.getShape<ServiceCardShape>(id)!.props.provider).toBe('');
    expect(input.value).toBe('暇');
    act(() => input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '暇' })));
    expect(editor.getShape<ServiceCardShape>(id)!.props.provider).toBe('暇');
  });

  it('is disabled on a read-only board', () => {
    addCard({ system: 'shogai', service: '居宅介護' });
    act(() => editor.updateInstanceState({ isReadonly: true }));
    expect(byTestId<HTMLInputElement>('service-name')!.disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('add-rb-service')!.disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('add-proposal')!.disabled).toBe(true);
  });

  it('shows the transition of a selected 障害福祉 card and adds the proposal; the summary lists it', () => {
    const source = addCard({ system: 'shogai', service: '居宅介護', serviceId: 'kyotaku-kaigo', provider: 'ひまわり' });
    expect(byTestId('transition-counterparts')!.textContent).toBe('訪問介護');
    expect(byTestId('transition-reason')!.textContent).toContain('介護保険が優先する');
    expect(byTestId('summary-moves')!.textContent).toContain('移行後の案がまだない');
    act(() => byTestId<HTMLButtonElement>('add-proposal')!.click());
    const [added] = editor.getSelectedShapes() as ServiceCardShape[];
    expect(added).toBeDefined();
    expect(added!.id).not.toBe(source);
    expect(added!.props).toMatchObject({ service: '訪問介護', status: 'proposed', system: 'kyoseigata', provider: 'ひまわり' });
    expect(byTestId('summary-proposal')!.textContent).toContain('訪問介護');
    // Clicking the proposal in the summary selects it.
    act(() => editor.selectNone());
    act(() => byTestId<HTMLButtonElement>('summary-proposal')!.click());
    expect(editor.getSelectedShapeIds()).toEqual([added!.id]);
  });

  it('always shows the ecomap legend', () => {
    expect(byTestId('ecomap-legend')!.textContent).toContain('ストレス・対立');
  });
});

describe('the transition helper follows the selected card', () => {
  it('when a blank card becomes 居宅介護 while selected, the action adds 訪問介護', () => {
    const id = addCard({ system: 'shogai' });
    act(() => typeInto(byTestId<HTMLInputElement>('service-name')!, '居宅介護'));
    act(() => byTestId<HTMLButtonElement>('add-proposal')!.click());
    const [added] = editor.getSelectedShapes() as ServiceCardShape[];
    expect(added!.id).not.toBe(id);
    expect(added!.props.service).toBe('訪問介護');
  });
});
