import { fetchWithToken } from '../lib/api.ts';

/** Open a record's printable minutes in a new tab (fetched with the token in the header). */
export async function openMinutes(boardId: string, recordId: string, token: string, lang: 'ja' | 'en'): Promise<void> {
  // Open the tab first, inside the click, so that pop-up blockers let it through.
  const tab = window.open('', '_blank');
  const res = await fetchWithToken(`/api/boards/${encodeURIComponent(boardId)}/records/${encodeURIComponent(recordId)}/minutes.html?lang=${lang}`, token);
  const html = await res.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (tab) tab.location.href = url;
  else window.location.href = url;
}
