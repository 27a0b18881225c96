import { describe, expect, it } from 'vitest';
import { renkeiShapeUtils } from '../../../client/shapes/index.ts';
import {
  CUSTOM_SHAPE_SCHEMAS,
  CUSTOM_SHAPE_TYPES,
  basicInfoDefaults,
  meetingDetailsDefaults,
  clientVoiceDefaults,
  ecomapPersonDefaults,
  ecomapTieDefaults,
  lifeStageDefaults,
  planItemDefaults,
  serviceCardDefaults,
} from '../../../shared/shapes/index.ts';

const DEFAULTS: Record<(typeof CUSTOM_SHAPE_TYPES)[number], () => object> = {
  'rb-service': serviceCardDefaults,
  'rb-plan': planItemDefaults,
  'rb-voice': clientVoiceDefaults,
  'rb-lifeline': lifeStageDefaults,
  'rb-person': ecomapPersonDefaults,
  'rb-tie': ecomapTieDefaults,
  'rb-basic-info': basicInfoDefaults,
  'rb-meeting': meetingDetailsDefaults,
};

describe('client ShapeUtils and the shared schema halves', () => {
  it('there is exactly one ShapeUtil per shared shape type', () => {
    expect(renkeiShapeUtils.map((u) => u.type).sort()).toEqual([...CUSTOM_SHAPE_TYPES].sort());
  });

  it.each(CUSTOM_SHAPE_TYPES)('%s uses the very same props validators and migrations as the server', (type) => {
    const util = renkeiShapeUtils.find((u) => u.type === type);
    expect(util).toBeDefined();
    // Identity, not equality: a copy could drift from the schema the server validates with.
    expect(util!.props).toBe(CUSTOM_SHAPE_SCHEMAS[type].props);
    expect(util!.migrations).toBe(CUSTOM_SHAPE_SCHEMAS[type].migrations);
  });

  it.each(CUSTOM_SHAPE_TYPES)('%s starts from the shared defaults', (type) => {
    const Util = renkeiShapeUtils.find((u) => u.type === type)!;
    const util = new Util(null as never);
    expect(util.getDefaultProps()).toEqual(DEFAULTS[type]());
  });
});
