import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';
import { Paths } from '../../shared/protocol/index.ts';

/**
 * kuromoji's dictionary (gzipped files the browser unpacks itself), served from the
 * installed package so the ruby switch never reaches a CDN. Fetched only when a person
 * turns ruby on.
 */
export function kuromojiDictRoute(): [string, express.Handler] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  return [Paths.kuromojiDict, express.static(dir, { index: false, immutable: true, maxAge: '30d' })];
}
