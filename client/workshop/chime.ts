/**
 * A soft two-note chime made with WebAudio (no audio file, nothing from the network).
 * Browsers start audio only after a gesture, so `unlock()` is called from the click that
 * turns the sound on; `play()` before that stays silent.
 */
export class Chime {
  private ctx: AudioContext | null = null;

  /** Create (or resume) the audio context; call inside a user gesture. */
  unlock(): void {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    this.ctx ??= new Ctor();
    void this.ctx.resume();
  }

  /** Play the chime: E5 then A5, sine, quiet, fading out over about a second each. */
  play(): void {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return;
    const start = ctx.currentTime + 0.02;
    [659.25, 880].forEach((freq, i) => {
      const t = start + i * 0.35;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.12, t + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 1.25);
    });
  }

  /** Release the audio context. */
  close(): void {
    void this.ctx?.close();
    this.ctx = null;
  }
}
