import { Testing } from 'cdktf';
import { GcpLogRocketStack } from '../../examples/gcp-logrocket/stack';
import { GcpOpenReplayStack } from '../../examples/gcp-openreplay/stack';

// Safety net for the synthesized examples; the guarantees themselves are
// asserted in openreplay-storage.test.ts and logrocket-storage.test.ts.
describe('examples', () => {
  test('gcp-openreplay', () => {
    expect(Testing.synth(new GcpOpenReplayStack(Testing.app(), 'gcp-openreplay'))).toMatchSnapshot();
  });

  test('gcp-logrocket', () => {
    expect(Testing.synth(new GcpLogRocketStack(Testing.app(), 'gcp-logrocket'))).toMatchSnapshot();
  });
});
