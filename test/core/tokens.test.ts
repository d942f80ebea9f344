import * as cdk from 'aws-cdk-lib/core';
import * as tf from 'cdktf';
import { CDK_NUMBER_TOKEN, CDK_TOKEN, TF_NUMBER_TOKEN, TF_TOKEN } from './support';
import { allResolved, isUnresolved } from '../../src/core/tokens';

const cdkString = cdk.Token.asString(cdk.Lazy.string({ produce: () => 'x' }));
const cdkNumber = cdk.Token.asNumber(cdk.Lazy.number({ produce: () => 1 }));
const cdkList = cdk.Token.asList(cdk.Lazy.list({ produce: () => ['x'] }));
const tfString = tf.Token.asString(tf.Lazy.stringValue({ produce: () => 'x' }));
const tfNumber = tf.Token.asNumber(tf.Lazy.numberValue({ produce: () => 1 }));
const tfList = tf.Token.asList(tf.Lazy.listValue({ produce: () => ['x'] }));
const tfFunction = tf.Fn.lower('X');

describe('isUnresolved recognises real tokens of both toolkits', () => {
  it.each([
    ['aws-cdk-lib string', cdkString],
    ['aws-cdk-lib number', cdkNumber],
    ['aws-cdk-lib list element', cdkList[0]],
    ['aws-cdk-lib string inside text', `https://${cdkString}.s3.amazonaws.com/`],
    ['aws-cdk-lib pseudo parameter', cdk.Aws.REGION],
    ['cdktf string', tfString],
    ['cdktf number', tfNumber],
    ['cdktf list element', tfList[0]],
    ['cdktf string inside text', `https://storage.googleapis.com/${tfString}/`],
    ['cdktf function call', tfFunction],
  ])('%s', (_kind, value) => {
    expect(isUnresolved(value)).toBe(true);
  });

  test('the fixtures other tests use have the shape real tokens have', () => {
    const shape = (s: string) => s.replace(/\d+/g, 'N');
    expect(shape(CDK_TOKEN)).toBe(shape(cdkString));
    expect(shape(TF_TOKEN)).toBe(shape(tfString));
    expect(isUnresolved(CDK_NUMBER_TOKEN)).toBe(true);
    expect(isUnresolved(TF_NUMBER_TOKEN)).toBe(true);
    // Same encoding family as the fixtures: huge negative doubles.
    expect(cdkNumber).toBeLessThan(-1e280);
    expect(tfNumber).toBeLessThan(-1e280);
  });
});

describe('isUnresolved leaves concrete values alone', () => {
  it.each([
    ['a bucket name', 'replay-recordings'],
    ['a URL with braces', 'https://example.com/{id}'],
    ['a dollar sign', '$Token'],
    ['an empty string', ''],
    ['zero', 0],
    ['a large number', 1e300],
    ['a negative number', -5],
    ['undefined', undefined],
    ['an object', { token: CDK_TOKEN }],
    ['a boolean', true],
  ])('%s', (_kind, value) => {
    expect(isUnresolved(value)).toBe(false);
  });
});

describe('allResolved', () => {
  test('true only when no value is a token', () => {
    expect(allResolved('a', 1, undefined)).toBe(true);
    expect(allResolved()).toBe(true);
    expect(allResolved('a', TF_TOKEN)).toBe(false);
    expect(allResolved(CDK_NUMBER_TOKEN, 'a')).toBe(false);
  });
});
