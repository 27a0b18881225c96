import { useState } from 'react';
import { useWorkshopTexts } from './texts.ts';

/** Copy a text to the clipboard, saying so for a moment. */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const tx = useWorkshopTexts();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
      aria-label={label ? `${tx('copy')}: ${label}` : undefined}
      data-testid={testId}
    >
      {copied ? tx('copied') : tx('copy')}
    </button>
  );
}
