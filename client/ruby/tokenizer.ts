import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { Paths } from '../../shared/protocol/index.ts';

let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;

/**
 * kuromoji with its dictionary from our own server, loaded on first need (the ruby switch)
 * and kept for the page's life. The browser build is used: it carries its own `path` and
 * gunzip, which the package's source leaves to Node.
 */
export function loadTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= import('kuromoji/build/kuromoji.js')
    .then(
      (m) =>
        new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
          // A CommonJS bundle: Vite hands its module.exports over as the default export.
          const kuromoji: Pick<typeof m, 'builder'> = 'builder' in m ? m : (m as unknown as { default: Pick<typeof m, 'builder'> }).default;
          kuromoji.builder({ dicPath: Paths.kuromojiDict }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer)));
        }),
    )
    .catch((err: unknown) => {
      loading = undefined; // the next switch-on may try again
      throw err;
    });
  return loading;
}
