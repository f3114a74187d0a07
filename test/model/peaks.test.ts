import { expect } from '@esm-bundle/chai';
import {
  channelPeaks,
  compactChannel,
  createPeaksBuilder,
  decodeAudiowaveformDat,
  decodeAudiowaveformJson,
  decodePeaks,
  downsampleCompact,
  downsamplePeaks,
  peaksFromSamples,
  type AudiowaveformJson,
  type Peaks,
  type PeaksResult,
} from '../../src/model/peaks.js';

/** Writes a .dat the way audiowaveform lays it out (independent of the decoder under test). */
function dat(
  { version = 2, bits = 8, sampleRate = 44100, samplesPerPixel = 512, channels = 1, length }: {
    version?: number; bits?: 8 | 16; sampleRate?: number; samplesPerPixel?: number; channels?: number; length?: number;
  },
  values: number[],
): ArrayBuffer {
  const header = version === 1 ? 20 : 24;
  const buffer = new ArrayBuffer(header + values.length * (bits / 8));
  const view = new DataView(buffer);
  view.setInt32(0, version, true);
  view.setUint32(4, bits === 8 ? 1 : 0, true);
  view.setInt32(8, sampleRate, true);
  view.setInt32(12, samplesPerPixel, true);
  view.setUint32(16, length ?? values.length / 2 / channels, true);
  if (version !== 1) view.setInt32(20, channels, true);
  values.forEach((v, i) => (bits === 8 ? view.setInt8(header + i, v) : view.setInt16(header + 2 * i, v, true)));
  return buffer;
}

function ok(result: PeaksResult): Peaks {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.peaks;
}

function error(result: PeaksResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const json = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 256, bits: 8, length: 3,
  data: [-128, 127, -64, 64, 0, 0], ...overrides,
});

describe('peaks: audiowaveform JSON', () => {
  it('decodes version 2 and scales by the bit depth, not by the loudest value', () => {
    const p = ok(decodeAudiowaveformJson(json()));
    expect(p).to.include({ version: 2, channels: 1, sampleRate: 8000, samplesPerPixel: 256, bits: 8, length: 3 });
    expect(Array.from(p.data)).to.deep.equal([-1, 127 / 128, -0.5, 0.5, 0, 0]);
    expect(p.duration).to.equal((3 * 256) / 8000);

    const quiet = ok(decodeAudiowaveformJson(json({ length: 1, data: [-10, 10] })));
    expect(Array.from(quiet.data)).to.deep.equal([-10 / 128, 10 / 128]);
  });

  it('scales 16-bit values by 32768 and keeps them within [-1, 1]', () => {
    const p = ok(decodeAudiowaveformJson(json({ bits: 16, length: 2, data: [-32768, 32767, -16384, 8192] })));
    expect(Array.from(p.data)).to.deep.equal([-1, 32767 / 32768, -0.5, 0.25]);
    for (const v of p.data) expect(Math.abs(v)).to.be.at.most(1);
  });

  it('reads version 1 files without version or channels as mono version 1', () => {
    const { version, channels, ...v1 } = json();
    void version;
    void channels;
    const p = ok(decodeAudiowaveformJson(v1));
    expect(p.version).to.equal(1);
    expect(p.channels).to.equal(1);
  });

  it('reads JSON text, and bytes of JSON text (with whitespace and a BOM) through decodePeaks', () => {
    const text = JSON.stringify(json());
    expect(ok(decodeAudiowaveformJson(text)).length).to.equal(3);
    expect(ok(decodePeaks(text)).length).to.equal(3);
    expect(ok(decodePeaks(json())).length).to.equal(3);
    const bytes = new TextEncoder().encode(`\uFEFF \n${text}`);
    expect(ok(decodePeaks(bytes)).length).to.equal(3);
    expect(ok(decodePeaks(bytes.buffer)).length).to.equal(3);
  });

  const malformed: [string, unknown, string][] = [
    ['null', null, 'peaks must be a JSON object (got null)'],
    ['an array', [], 'peaks must be a JSON object (got an array)'],
    ['a number', 42, 'peaks must be a JSON object (got 42)'],
    ['broken JSON text', '{"version": 2', 'peaks JSON does not parse'],
    ['version 3', json({ version: 3 }), 'version must be 1 or 2 (got 3)'],
    ['version "2"', json({ version: '2' }), 'version must be 1 or 2 (got "2")'],
    ['no sample_rate', json({ sample_rate: undefined }), 'sample_rate is missing'],
    ['sample_rate 0', json({ sample_rate: 0 }), 'sample_rate must be > 0 (got 0)'],
    ['sample_rate -8000', json({ sample_rate: -8000 }), 'sample_rate must be > 0 (got -8000)'],
    ['sample_rate as text', json({ sample_rate: '8000' }), 'sample_rate must be a number (got "8000")'],
    ['sample_rate 44.1', json({ sample_rate: 44.1 }), 'sample_rate must be an integer (got 44.1)'],
    ['samples_per_pixel 0', json({ samples_per_pixel: 0 }), 'samples_per_pixel must be > 0 (got 0)'],
    ['samples_per_pixel NaN', json({ samples_per_pixel: NaN }), 'samples_per_pixel must be a number (got NaN)'],
    ['samples_per_pixel Infinity', json({ samples_per_pixel: Infinity }), 'samples_per_pixel must be an integer (got Infinity)'],
    ['bits 24', json({ bits: 24 }), 'bits must be 8 or 16 (got 24)'],
    ['no bits', json({ bits: undefined }), 'bits must be 8 or 16 (got undefined)'],
    ['length -1', json({ length: -1 }), 'length must be >= 0 (got -1)'],
    ['channels 0', json({ channels: 0 }), 'channels must be between 1 and 24 (got 0)'],
    ['channels 25', json({ channels: 25 }), 'channels must be between 1 and 24 (got 25)'],
    ['2 channels in version 1', json({ version: 1, channels: 2, data: new Array(12).fill(0) }), 'channels must be 1 in a version 1 file (got 2)'],
    ['no data', json({ data: undefined }), 'data must be an array (got undefined)'],
    ['data as object', json({ data: {} }), 'data must be an array (got an object)'],
    ['two values short', json({ length: 500, data: new Array(998).fill(0) }), 'data has 998 values; length 500 × 2 × 1 channel needs 1000'],
    ['too many values', json({ length: 1, data: [0, 0, 0] }), 'data has 3 values; length 1 × 2 × 1 channel needs 2'],
    ['stereo short', json({ channels: 2, data: new Array(6).fill(0) }), 'data has 6 values; length 3 × 2 × 2 channels needs 12'],
    ['8-bit value 128', json({ data: [0, 0, 0, 128, 0, 0] }), 'data[3] is 128; 8-bit values must be between -128 and 127'],
    ['8-bit value -129', json({ data: [-129, 0, 0, 0, 0, 0] }), 'data[0] is -129; 8-bit values must be between -128 and 127'],
    ['16-bit value 32768', json({ bits: 16, data: [0, 32768, 0, 0, 0, 0] }), 'data[1] is 32768; 16-bit values must be between -32768 and 32767'],
    ['fractional value', json({ data: [0, 0.5, 0, 0, 0, 0] }), 'data[1] must be an integer (got 0.5)'],
    ['text value', json({ data: [0, 0, '1', 0, 0, 0] }), 'data[2] must be an integer (got "1")'],
    ['null value', json({ data: [0, 0, 0, 0, null, 0] }), 'data[4] must be an integer (got null)'],
  ];
  for (const [name, input, message] of malformed) {
    it(`rejects ${name}: "${message}"`, () => {
      expect(error(decodeAudiowaveformJson(input))).to.contain(message);
    });
  }
});

describe('peaks: audiowaveform .dat', () => {
  it('decodes version 1, 8-bit', () => {
    const p = ok(decodeAudiowaveformDat(dat({ version: 1, bits: 8, sampleRate: 48000, samplesPerPixel: 480 }, [-128, 127, -1, 2])));
    expect(p).to.include({ version: 1, channels: 1, sampleRate: 48000, samplesPerPixel: 480, bits: 8, length: 2 });
    expect(Array.from(p.data)).to.deep.equal([-1, 127 / 128, -1 / 128, 2 / 128]);
    expect(p.duration).to.equal(0.02);
  });

  it('decodes version 1, 16-bit (flags bit 0 clear)', () => {
    const p = ok(decodeAudiowaveformDat(dat({ version: 1, bits: 16 }, [-32768, 32767, -300, 300])));
    expect(p.bits).to.equal(16);
    expect(Array.from(p.data)).to.deep.equal([-1, 32767 / 32768, -300 / 32768, 300 / 32768]);
  });

  it('decodes version 2 stereo 16-bit with channels interleaved per pixel', () => {
    const values = [-100, 100, -200, 200, -300, 300, -400, 400];
    const p = ok(decodeAudiowaveformDat(dat({ bits: 16, channels: 2 }, values)));
    expect(p).to.include({ version: 2, channels: 2, length: 2 });
    expect(Array.from(p.data)).to.deep.equal(values.map((v) => v / 32768));
  });

  it('reads a typed array view at an offset into a larger buffer', () => {
    const file = new Uint8Array(dat({ bits: 16 }, [-1000, 1000, -2000, 2000]));
    const big = new Uint8Array(file.length + 13);
    big.set(file, 7);
    const p = ok(decodeAudiowaveformDat(big.subarray(7, 7 + file.length)));
    expect(Array.from(p.data)).to.deep.equal([-1000, 1000, -2000, 2000].map((v) => v / 32768));
    expect(ok(decodePeaks(new DataView(big.buffer, 7, file.length))).length).to.equal(2);
  });

  it('decodes an empty waveform (length 0)', () => {
    const p = ok(decodeAudiowaveformDat(dat({ length: 0 }, [])));
    expect(p.length).to.equal(0);
    expect(p.duration).to.equal(0);
  });

  it('reports truncated and oversized files with the byte counts', () => {
    expect(error(decodeAudiowaveformDat(new ArrayBuffer(0)))).to.equal('file is 0 bytes; a header needs at least 20');
    expect(error(decodeAudiowaveformDat(new Uint8Array([2, 0, 0])))).to.equal('file is 3 bytes; a header needs at least 20');
    const header = new Uint8Array(dat({ length: 500 }, []));
    expect(error(decodeAudiowaveformDat(header.slice(0, 22)))).to.equal('file is 22 bytes; a version 2 header needs 24');
    expect(error(decodeAudiowaveformDat(new Uint8Array(dat({ version: 1 }, [0, 0])).slice(0, 19)))).to.equal(
      'file is 19 bytes; a version 1 header needs 20',
    );
    const truncated = new Uint8Array(30);
    truncated.set(header);
    expect(error(decodeAudiowaveformDat(truncated))).to.equal(
      'file is 30 bytes; a version 2 header needs 24 and 500 pixels need 1000 more',
    );
    const stereo16 = new Uint8Array(dat({ bits: 16, channels: 2, length: 500 }, []));
    expect(error(decodeAudiowaveformDat(stereo16))).to.equal(
      'file is 24 bytes; a version 2 header needs 24 and 500 pixels × 2 channels need 4000 more',
    );
    const extra = new Uint8Array(dat({ length: 1 }, [0, 0, 0, 0, 0]));
    expect(error(decodeAudiowaveformDat(extra))).to.equal(
      'file is 29 bytes; a version 2 header needs 24 and 1 pixel need 2 more (3 bytes left over)',
    );
  });

  it('rejects bad header fields, naming them', () => {
    const cases: [ArrayBuffer, string][] = [
      [dat({ version: 3 }, [0, 0]), 'version must be 1 or 2 (got 3)'],
      [dat({ version: 0 }, [0, 0]), 'version must be 1 or 2 (got 0)'],
      [dat({ sampleRate: 0 }, [0, 0]), 'sample_rate must be > 0 (got 0)'],
      [dat({ sampleRate: -44100 }, [0, 0]), 'sample_rate must be > 0 (got -44100)'],
      [dat({ samplesPerPixel: 0 }, [0, 0]), 'samples_per_pixel must be > 0 (got 0)'],
      [dat({ samplesPerPixel: -256 }, [0, 0]), 'samples_per_pixel must be > 0 (got -256)'],
      [dat({ channels: 0, length: 1 }, []), 'channels must be between 1 and 24 (got 0)'],
      [dat({ channels: 25, length: 1 }, []), 'channels must be between 1 and 24 (got 25)'],
      [dat({ channels: -1, length: 1 }, []), 'channels must be between 1 and 24 (got -1)'],
    ];
    for (const [buffer, message] of cases) expect(error(decodeAudiowaveformDat(buffer))).to.equal(message);
  });

  it('rejects input that is not binary', () => {
    expect(error(decodeAudiowaveformDat('abc' as unknown as ArrayBuffer))).to.contain('must be an ArrayBuffer or a typed array');
    expect(error(decodeAudiowaveformDat(null as unknown as ArrayBuffer))).to.contain('(got null)');
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array(Math.floor(rand() * 64));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      if (bytes.length > 0 && rand() < 0.5) bytes[0] = 1 + Math.floor(rand() * 2);
      const result = decodePeaks(bytes);
      expect(result.ok || typeof result.error === 'string').to.equal(true);
    }
  });
});

describe('peaks: views for drawing', () => {
  const stereo = ok(decodeAudiowaveformDat(dat({ channels: 2 }, [-10, 20, -1, 1, -30, 5, -2, 64])));

  it('channelPeaks gives one |peak| per pixel for wavesurfer', () => {
    expect(Array.from(channelPeaks(stereo))).to.deep.equal([20 / 128, 30 / 128]);
    expect(Array.from(channelPeaks(stereo, 1))).to.deep.equal([1 / 128, 64 / 128]);
    expect(() => channelPeaks(stereo, 2)).to.throw(RangeError, 'channel must be an integer from 0 to 1 (got 2)');
  });

  it('channelPeaks output goes into wavesurfer unchanged (it rescales only values outside ±1)', async () => {
    const { default: Decoder } = await import('wavesurfer.js/dist/decoder.js');
    const full = ok(decodeAudiowaveformJson(json({ length: 2, data: [-128, 127, -32, 16] })));
    const channel = channelPeaks(full);
    const buffer = Decoder.createBuffer([channel], full.duration);
    expect(Array.from(buffer.getChannelData(0))).to.deep.equal(Array.from(channel));
    // Raw integers would be divided by the loudest one: the reason the decoder scales by bit depth.
    expect(Array.from(Decoder.createBuffer([[64, 32]], 1).getChannelData(0))).to.deep.equal([1, 0.5]);
  });

  it('downsamplePeaks keeps the min of mins and max of maxes per bin', () => {
    let seed = 99;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const length = 1001;
    const data: number[] = [];
    for (let p = 0; p < length; p++) {
      for (let c = 0; c < 2; c++) {
        const a = Math.floor(rand() * 256) - 128;
        const b = Math.floor(rand() * 256) - 128;
        data.push(Math.min(a, b), Math.max(a, b));
      }
    }
    const peaks = ok(decodeAudiowaveformJson(json({ channels: 2, length, data })));
    for (const bins of [1, 7, 100, 1000, 1001]) {
      for (const channel of [0, 1]) {
        const out = downsamplePeaks(peaks, bins, channel);
        expect(out.length).to.equal(2 * bins);
        for (let b = 0; b < bins; b++) {
          const from = Math.floor((b * length) / bins);
          const to = Math.floor(((b + 1) * length) / bins);
          let min = Infinity;
          let max = -Infinity;
          for (let p = from; p < to; p++) {
            min = Math.min(min, data[p * 4 + channel * 2]! / 128);
            max = Math.max(max, data[p * 4 + channel * 2 + 1]! / 128);
          }
          expect([out[2 * b], out[2 * b + 1]]).to.deep.equal([Math.fround(min), Math.fround(max)]);
        }
      }
    }
  });

  it('compactChannel keeps one channel as the file\'s integers; downsampleCompact draws the same overview', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (const bits of [8, 16] as const) {
      const full = bits === 8 ? 128 : 32768;
      const length = 777;
      const values: number[] = [];
      for (let i = 0; i < length * 2 * 2; i += 2) {
        const a = Math.floor(rand() * 2 * full) - full;
        const b = Math.floor(rand() * 2 * full) - full;
        values.push(Math.min(a, b), Math.max(a, b));
      }
      const peaks = ok(decodePeaks(dat({ bits, channels: 2 }, values)));
      for (const channel of [0, 1]) {
        const compact = compactChannel(peaks, channel);
        expect(compact.pairs).to.be.instanceOf(bits === 8 ? Int8Array : Int16Array);
        expect(compact.pairs.byteLength).to.equal(2 * length * (bits / 8));
        expect(Array.from(compact.pairs.subarray(0, 4))).to.deep.equal([values[channel * 2], values[channel * 2 + 1], values[4 + channel * 2], values[4 + channel * 2 + 1]]);
        for (const bins of [1, 10, 185, 777, 2000]) {
          expect(Array.from(downsampleCompact(compact, bins))).to.deep.equal(Array.from(downsamplePeaks(peaks, bins, channel)));
        }
      }
      expect(() => compactChannel(peaks, 2)).to.throw(RangeError);
    }
    expect(downsampleCompact(compactChannel(ok(decodePeaks(dat({}, [])))), 5).length).to.equal(10);
  });

  it('downsamplePeaks repeats pixels when asked for more bins than pixels, and handles 0 bins', () => {
    const p = ok(decodeAudiowaveformJson(json({ length: 2, data: [-64, 64, -32, 32] })));
    expect(Array.from(downsamplePeaks(p, 4))).to.deep.equal([-0.5, 0.5, -0.5, 0.5, -0.25, 0.25, -0.25, 0.25]);
    expect(downsamplePeaks(p, 0).length).to.equal(0);
    expect(downsamplePeaks(p, -3).length).to.equal(0);
    expect(downsamplePeaks(ok(decodeAudiowaveformJson(json({ length: 0, data: [] }))), 10).length).to.equal(20);
  });
});

describe('peaks: computing from samples', () => {
  it('computes min/max per pixel, including a last partial pixel', () => {
    const samples = Float32Array.from([0, 0.5, -0.25, 1, -1, 0.125, 0.0625]);
    const out = peaksFromSamples(samples, 8000, 3);
    expect(out).to.deep.equal({
      version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 3, bits: 8, length: 3,
      data: [-32, 64, -128, 127, 8, 8],
    });
  });

  it('writes 16-bit values, clips louder samples and treats NaN as silence', () => {
    const out = peaksFromSamples(Float32Array.from([0.5, -0.5, 2, -3, NaN, NaN]), 44100, 2, 16);
    expect(out.bits).to.equal(16);
    expect(out.data).to.deep.equal([-16384, 16384, -32768, 32767, 0, 0]);
  });

  it('gives an empty waveform for no samples', () => {
    expect(peaksFromSamples(new Float32Array(0), 8000, 256)).to.include({ length: 0 });
    expect(peaksFromSamples(new Float32Array(0), 8000, 256).data).to.deep.equal([]);
  });

  it('round-trips through decodeAudiowaveformJson within one step of the bit depth', () => {
    const samples = new Float32Array(10_000);
    for (let i = 0; i < samples.length; i++) samples[i] = Math.sin(i / 7) * (i / samples.length);
    for (const bits of [8, 16] as const) {
      const p = ok(decodeAudiowaveformJson(peaksFromSamples(samples, 8000, 100, bits)));
      expect(p.length).to.equal(100);
      for (let px = 0; px < p.length; px++) {
        const chunk = samples.subarray(px * 100, px * 100 + 100);
        expect(Math.abs(p.data[2 * px]! - Math.min(...chunk))).to.be.at.most(1 / (bits === 8 ? 128 : 32768));
        expect(Math.abs(p.data[2 * px + 1]! - Math.max(...chunk))).to.be.at.most(1 / (bits === 8 ? 128 : 32768));
      }
    }
  });

  it('the builder gives the same result whatever the chunk sizes', () => {
    const samples = new Float32Array(50_000);
    let seed = 3;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < samples.length; i++) samples[i] = rand() * 2 - 1;
    const whole = peaksFromSamples(samples, 22050, 333);
    const builder = createPeaksBuilder({ sampleRate: 22050, samplesPerPixel: 333 });
    for (let at = 0; at < samples.length; ) {
      const size = Math.floor(rand() * 1000);
      builder.push(samples.subarray(at, at + size));
      at += size;
    }
    const streamed: AudiowaveformJson = builder.finish();
    expect(streamed).to.deep.equal(whole);
    expect(streamed.length).to.equal(Math.ceil(50_000 / 333));
    expect(builder.finish()).to.deep.equal(whole);
    expect(() => builder.push(new Float32Array(1))).to.throw(Error, 'push() after finish()');
  });

  it('the builder refuses invalid options', () => {
    expect(() => createPeaksBuilder({ sampleRate: 0, samplesPerPixel: 256 })).to.throw(RangeError, 'sampleRate must be > 0 (got 0)');
    expect(() => createPeaksBuilder({ sampleRate: 8000, samplesPerPixel: 1.5 })).to.throw(RangeError, 'samplesPerPixel must be an integer');
    expect(() => createPeaksBuilder({ sampleRate: 8000, samplesPerPixel: 256, bits: 12 as 8 })).to.throw(RangeError, 'bits must be 8 or 16');
  });
});
