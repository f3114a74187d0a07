import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseSources, preferenceFor } from '../../src/controllers/source-choice.js';

const HLS = { url: 'https://example.org/a/index.m3u8', type: 'application/vnd.apple.mpegurl' } as const;
const chromium = { nativeHls: true, mse: true, canPlay: () => true };
const oldIphone = { nativeHls: true, mse: false, canPlay: () => true };

describe('the engine for a live recording', () => {
  it('is hls.js under auto where MSE exists: Chromium plays its EVENT playlist through hls.js, not natively', () => {
    assert.equal(preferenceFor('auto', 'live', chromium), 'hls.js');
    assert.deepEqual(chooseSources([HLS], preferenceFor('auto', 'live', chromium), chromium).map((c) => c.kind), ['hls.js']);
  });

  it('stays native without MSE, and whatever the page asked for otherwise', () => {
    assert.equal(preferenceFor('auto', 'live', oldIphone), 'auto');
    assert.deepEqual(chooseSources([HLS], preferenceFor('auto', 'live', oldIphone), oldIphone).map((c) => c.kind), ['native']);
    assert.equal(preferenceFor('native', 'live', chromium), 'native');
    assert.equal(preferenceFor('auto', 'ended', chromium), 'auto');
    assert.equal(preferenceFor('auto', 'pending', chromium), 'auto');
  });
});
