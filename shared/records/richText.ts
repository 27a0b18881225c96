/** A TipTap/ProseMirror JSON node as tldraw 5 stores rich text. */
interface RichNode {
  type?: string;
  text?: string;
  content?: RichNode[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'bulletList', 'orderedList', 'blockquote', 'codeBlock']);

/** The plain text of a tldraw rich-text value (paragraphs on their own lines). */
export function plainTextOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const lines: string[] = [];
  let line = '';
  const walk = (node: RichNode) => {
    if (typeof node.text === 'string') line += node.text;
    if (node.type === 'hardBreak') line += '\n';
    for (const child of node.content ?? []) walk(child);
    if (node.type && BLOCKS.has(node.type) && node.type !== 'bulletList' && node.type !== 'orderedList') {
      lines.push(line);
      line = '';
    }
  };
  walk(value as RichNode);
  if (line) lines.push(line);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A tldraw rich-text value holding `text`, one paragraph per line. */
export function richTextOf(text: string): { type: 'doc'; content: Array<{ type: 'paragraph'; content?: Array<{ type: 'text'; text: string }> }> } {
  return {
    type: 'doc',
    content: text.split('\n').map((l) => (l ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: l }] } : { type: 'paragraph' as const })),
  };
}
