import { Testing } from 'cdktf';
import { AzureLogRocketStack } from '../../examples/azure-logrocket/stack';
import { AzureOpenReplayStack } from '../../examples/azure-openreplay/stack';

/** Storage account attributes that carry key material. */
const KEY_ATTRIBUTE = /\.(primary|secondary)_(access_key|connection_string|blob_connection_string)\b/;

describe.each([
  ['azure-openreplay', AzureOpenReplayStack],
  ['azure-logrocket', AzureLogRocketStack],
])('examples/%s', (name, Stack) => {
  const synthesized = Testing.synth(new Stack(Testing.app(), name));
  const tf = JSON.parse(synthesized);

  test('synthesizes to the snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('no output but the sensitive one refers to key material', () => {
    const outputs = Object.entries<any>(tf.output);
    expect(outputs.length).toBeGreaterThan(0);
    for (const [, output] of outputs) {
      if (KEY_ATTRIBUTE.test(JSON.stringify(output.value))) expect(output.sensitive).toBe(true);
    }
    expect(outputs.filter(([, o]) => o.sensitive).map(([n]) => n)).toEqual([expect.stringMatching(/_account_key$/)]);
  });
});
