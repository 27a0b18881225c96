/** Escape text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Text with line breaks kept. */
export function escLines(value: unknown): string {
  return esc(value).replace(/\n/g, '<br>');
}
