export { R, RubyProvider, RubySwitch, useRubySetting, type RubySetting, type RubyState } from './Ruby.tsx';
export { joinRubyRuns, rubySegments, toHiragana, wordSegments, type ReadingToken, type RubySegment } from './ruby.ts';
export { DOMAIN_READINGS } from './rubyWords.ts';
