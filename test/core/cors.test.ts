import { CDK_TOKEN } from './support';
import {
  DEFAULT_CORS_MAX_AGE_SECONDS,
  allowsAnyOrigin,
  logRocketCors,
  openReplayCors,
  withExplicitPreflight,
} from '../../src/core/cors';

const DASHBOARD = 'https://replay.example.com';

describe('openReplayCors', () => {
  test('allows GET only, any request header, from the given origins', () => {
    const rule = openReplayCors([DASHBOARD]);
    expect(rule.allowedMethods).toEqual(['GET']);
    expect(rule.allowedHeaders).toEqual(['*']);
    expect(rule.allowedOrigins).toEqual([DASHBOARD]);
    expect(rule.maxAgeSeconds).toBe(DEFAULT_CORS_MAX_AGE_SECONDS);
  });

  test('exposes the headers range reads need', () => {
    expect(openReplayCors(['*']).exposedHeaders).toEqual(expect.arrayContaining(['ETag', 'Content-Length', 'Content-Range']));
  });

  test('copies the origins: later changes to the input do not leak in', () => {
    const origins = [DASHBOARD];
    const rule = openReplayCors(origins);
    origins.push('https://evil.example.com');
    expect(rule.allowedOrigins).toEqual([DASHBOARD]);
  });

  test('takes a custom max age', () => {
    expect(openReplayCors([DASHBOARD], 600).maxAgeSeconds).toBe(600);
  });
});

describe('logRocketCors', () => {
  test('allows GET and HEAD, any request header, from the given origins', () => {
    const rule = logRocketCors([DASHBOARD], 120);
    expect(rule.allowedMethods).toEqual(['GET', 'HEAD']);
    expect(rule.allowedHeaders).toEqual(['*']);
    expect(rule.allowedOrigins).toEqual([DASHBOARD]);
    expect(rule.maxAgeSeconds).toBe(120);
  });

  test('rules do not share arrays with each other', () => {
    const a = logRocketCors([DASHBOARD]);
    const b = logRocketCors([DASHBOARD]);
    expect(a.exposedHeaders).not.toBe(b.exposedHeaders);
    expect(a.allowedMethods).not.toBe(b.allowedMethods);
  });
});

describe('withExplicitPreflight', () => {
  it.each([
    ['OpenReplay', openReplayCors([DASHBOARD]), ['GET', 'OPTIONS']],
    ['LogRocket', logRocketCors([DASHBOARD]), ['GET', 'HEAD', 'OPTIONS']],
  ])('adds OPTIONS to the %s rule and keeps the rest', (_product, rule, methods) => {
    const explicit = withExplicitPreflight(rule);
    expect(explicit.allowedMethods).toEqual(methods);
    expect({ ...explicit, allowedMethods: rule.allowedMethods }).toEqual(rule);
  });

  test('adds OPTIONS only once', () => {
    const twice = withExplicitPreflight(withExplicitPreflight(logRocketCors([DASHBOARD])));
    expect(twice.allowedMethods.filter((m) => m === 'OPTIONS')).toHaveLength(1);
  });

  test('does not change the input rule', () => {
    const rule = openReplayCors([DASHBOARD]);
    withExplicitPreflight(rule);
    expect(rule.allowedMethods).toEqual(['GET']);
  });
});

describe('allowsAnyOrigin', () => {
  it.each([
    [['*'], true],
    [[DASHBOARD, '*'], true],
    [[DASHBOARD], false],
    [[DASHBOARD, 'http://localhost:3000'], false],
    [[CDK_TOKEN], false],
    [[], false],
  ])('%j -> %s', (origins, expected) => {
    expect(allowsAnyOrigin(openReplayCors(origins))).toBe(expected);
    expect(allowsAnyOrigin(logRocketCors(origins))).toBe(expected);
  });
});
