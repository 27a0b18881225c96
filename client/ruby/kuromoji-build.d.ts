// The browser bundle of kuromoji exports what the package's main does (@types/kuromoji).
declare module 'kuromoji/build/kuromoji.js' {
  export * from 'kuromoji';
}
