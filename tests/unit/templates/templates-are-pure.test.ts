// A template is a pure function: two builds are equal, and changing one build's output does
// not leak into the next (the server hands records to Yjs, which may keep references).
import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../../shared/templates/index.ts';

describe.each(listTemplates().map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('builds equal records on every call', () => {
    expect(template.build()).toEqual(template.build());
  });

  it('returns fresh objects each time', () => {
    const first = template.build();
    const before = structuredClone(first);
    const second = template.build();
    for (const r of second) (r as { meta: Record<string, unknown> }).meta.touched = true;
    expect(first).toEqual(before);
  });
});
