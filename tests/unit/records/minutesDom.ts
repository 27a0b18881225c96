/** Reading printable minutes as a reader would: by headings. Needs a DOM (jsdom environment). */

/** Parse minutes HTML into a document. */
export function parseMinutes(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The elements after the `<h2>` whose text is `heading`, up to the next `<h2>`. */
export function section(doc: Document, heading: string): Element[] {
  const h2 = [...doc.querySelectorAll('h2')].find((h) => norm(h.textContent) === heading);
  if (!h2) throw new Error(`no section "${heading}"; sections: ${[...doc.querySelectorAll('h2')].map((h) => norm(h.textContent)).join(' | ')}`);
  const out: Element[] = [];
  for (let e = h2.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) out.push(e);
  return out;
}

/** The text of a section. */
export function sectionText(doc: Document, heading: string): string {
  return section(doc, heading)
    .map((e) => norm(e.textContent))
    .join('\n');
}

/** A section's `<h3>` sub-sections: heading text → the elements under it. */
export function subsections(doc: Document, heading: string): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  let current: Element[] | undefined;
  for (const e of section(doc, heading)) {
    if (e.tagName === 'H3') {
      current = [];
      out.set(norm(e.textContent), current);
    } else current?.push(e);
  }
  return out;
}

/** The rows of the tables under a sub-section, each as its cells' texts. */
export function rowsUnder(elements: Element[] | undefined): string[][] {
  return (elements ?? []).flatMap((e) => [...e.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => norm(td.textContent))));
}

/** The value next to a label in the minutes' header list (`<dt>label</dt><dd>value</dd>`). */
export function headerValue(doc: Document, label: string): string | undefined {
  const dt = [...doc.querySelectorAll('dl dt')].find((d) => norm(d.textContent) === label);
  return dt ? norm(dt.nextElementSibling?.textContent) : undefined;
}

/** The attendee table: role label → the names in its row. */
export function attendeesByRole(doc: Document, heading: string): Map<string, string> {
  const rows = section(doc, heading).flatMap((e) => [...e.querySelectorAll('tr')]);
  return new Map(rows.map((tr) => [norm(tr.querySelector('th')?.textContent), norm(tr.querySelector('td')?.textContent)]));
}
