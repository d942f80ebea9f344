import { hasWriteRestriction, validateWriteRestriction } from '../../../src/core/validation/write-restriction';
import { CDK_TOKEN, expectViolation } from '../support';

const PROP = 'writeRestriction';

describe('hasWriteRestriction', () => {
  it.each([
    [undefined, false],
    [{}, false],
    [{ vpcEndpointIds: [], sourceIps: [] }, false],
    [{ vpcEndpointIds: ['vpce-0123456789abcdef0'] }, true],
    [{ sourceIps: ['203.0.113.0/24'] }, true],
  ])('%j -> %s', (restriction, expected) => {
    expect(hasWriteRestriction(restriction)).toBe(expected);
  });
});

describe('validateWriteRestriction', () => {
  it.each([
    [{ vpcEndpointIds: ['vpce-0123456789abcdef0'] }, '{"vpcEndpointIds":["vpce-0123456789abcdef0"]}'],
    [{ sourceIps: ['203.0.113.0/24'] }, '{"sourceIps":["203.0.113.0/24"]}'],
  ])('rejects %j while async mobile upload is on', (restriction, shown) => {
    const check = () => validateWriteRestriction(PROP, restriction, true);
    expectViolation(check, /must be unset while 'asyncMobileUpload' is true/, PROP, shown);
    // The fix names both ways out, including the SDK switch.
    expect(check).toThrow("set 'asyncMobileUpload: false'");
    expect(check).toThrow('setEnableAsyncImageUpload(false)');
  });

  test('accepts a restriction once async mobile upload is off', () => {
    expect(() => validateWriteRestriction(PROP, { sourceIps: ['203.0.113.0/24'] }, false)).not.toThrow();
  });

  it.each([
    ['undefined', undefined],
    ['empty', { vpcEndpointIds: [], sourceIps: [] }],
  ])('accepts an %s restriction with async mobile upload on', (_case, restriction) => {
    expect(() => validateWriteRestriction(PROP, restriction, true)).not.toThrow();
  });

  test('an unresolved entry is still a restriction: its presence is known at synth', () => {
    expect(() => validateWriteRestriction(PROP, { sourceIps: [CDK_TOKEN] }, true)).toThrow(/must be unset while 'asyncMobileUpload' is true/);
  });
});
