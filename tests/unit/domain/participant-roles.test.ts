// Participant roles (display roles), not link capabilities.
import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_IDS, isRoleId, roleIdFrom } from '../../../shared/domain/index.ts';

describe('participant roles', () => {
  it('are the nine roles of DOMAIN.md with their Japanese labels', () => {
    expect(Object.fromEntries(ROLE_IDS.map((id) => [id, ROLES[id].label]))).toEqual({
      soudan: '相談支援専門員',
      caremanager: '介護支援専門員',
      client: '本人',
      family: '家族',
      municipality: '行政',
      nurse: '保健師・看護師',
      provider: 'サービス事業所',
      facilitator: 'ファシリテーター・講師',
      observer: '見学者',
    });
  });

  it('make only the observer view-only by default', () => {
    expect(ROLE_IDS.filter((id) => ROLES[id].defaultViewOnly)).toEqual(['observer']);
  });

  it('isRoleId accepts ids only', () => {
    expect(isRoleId('soudan')).toBe(true);
    expect(isRoleId('相談支援専門員')).toBe(false);
    expect(isRoleId('owner')).toBe(false);
    expect(isRoleId(undefined)).toBe(false);
  });

  it('roleIdFrom reads ids, Japanese labels and English labels', () => {
    expect(roleIdFrom('caremanager')).toBe('caremanager');
    expect(roleIdFrom('介護支援専門員')).toBe('caremanager');
    expect(roleIdFrom(' 本人 ')).toBe('client');
    expect(roleIdFrom('observer')).toBe('observer');
    expect(roleIdFrom('Family')).toBe('family');
    expect(roleIdFrom('ケアマネ')).toBeUndefined();
  });

  it('tie the two specialists to their systems', () => {
    expect(ROLES.soudan.system).toBe('shogai');
    expect(ROLES.caremanager.system).toBe('kaigo');
  });
});
