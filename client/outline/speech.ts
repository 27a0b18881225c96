/** Whether this browser can read aloud (the Web Speech API's synthesis). */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/**
 * Reads a text aloud on this device (ja-JP, or en-US for the English UI), replacing whatever
 * is being read; the browser's own synthesis, so no audio leaves the device.
 */
export function speak(text: string, opts: { rate: number; lang: 'ja-JP' | 'en-US' }): void {
  if (!canSpeak() || !text.trim()) return;
  window.speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = opts.lang;
  u.rate = opts.rate;
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(opts.lang.slice(0, 2)));
  if (voice) u.voice = voice;
  window.speechSynthesis.speak(u);
}

/** Stops reading aloud at once. */
export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
