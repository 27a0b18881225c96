import { describe, expect, it } from 'vitest';
import { catalogueFor, matchServiceId, serviceUpdate } from '../../../client/shapes/serviceCard/catalogue.ts';

describe('typing a service name links the card to the catalogue', () => {
  it('exact names and aliases, with spacing and full-width forms ignored', () => {
    expect(matchServiceId('居宅介護', 'shogai')).toBe('kyotaku-kaigo');
    expect(matchServiceId(' 重訪 ', 'shogai')).toBe('judo-homon-kaigo');
    expect(matchServiceId('就労継続支援Ｂ型', 'shogai')).toBe('shuro-keizoku-b');
  });

  it('reads a name shared by both systems on the card’s own side', () => {
    expect(matchServiceId('ホームヘルプ', 'shogai')).toBe('kyotaku-kaigo');
    expect(matchServiceId('ホームヘルプ', 'kaigo')).toBe('houmon-kaigo');
    expect(matchServiceId('ショートステイ', 'kaigo')).toBe('tanki-seikatsu-kaigo');
  });

  it('links an unambiguous name from another system, and 共生型 names', () => {
    expect(matchServiceId('訪問介護', 'shogai')).toBe('houmon-kaigo');
    expect(matchServiceId('訪問介護', 'kyoseigata')).toBe('houmon-kaigo');
    expect(matchServiceId('共生型生活介護', 'kyoseigata')).toBe('seikatsu-kaigo');
  });

  it('free text and ambiguous names stay unlinked', () => {
    expect(matchServiceId('', 'shogai')).toBeNull();
    expect(matchServiceId('近所の喫茶店', 'informal')).toBeNull();
    expect(matchServiceId('ホームヘルプ', 'kyoseigata')).toBeNull();
  });

  it('the update carries the text as typed and the link', () => {
    expect(serviceUpdate('デイサービス', 'kaigo')).toEqual({ service: 'デイサービス', serviceId: 'tsusho-kaigo' });
  });

  it('offers the card’s system, and both sides on a 共生型 card', () => {
    expect(catalogueFor('shogai').every((s) => s.system === 'shogai')).toBe(true);
    const both = new Set(catalogueFor('kyoseigata').map((s) => s.system));
    expect([...both].sort()).toEqual(['kaigo', 'shogai']);
  });
});
