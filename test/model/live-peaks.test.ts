import { expect } from '@esm-bundle/chai';
import { LIVE_PEAKS_FORMAT, LivePeaksReader, LivePeaksWriter } from '../../src/model/live-peaks.js';
import { decodeAudiowaveformJson, peaksFromSamples } from '../../src/model/peaks.js';

/** A second of a rising ramp at 100 Hz, so each pixel differs. */
function ramp(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i / 3) * (i / n));
}

describe('live peaks', () => {
  it('the writer appends only new pixels; the reader rebuilds exactly what a whole-file builder makes', () => {
    const samples = ramp(1050);
    const writer = new LivePeaksWriter({ sample_rate: 100, samples_per_pixel: 10, bits: 8 });
    let file = writer.headerLine();
    expect(writer.takeLine()).to.equal('');
    for (let at = 0; at < samples.length; at += 137) {
      writer.push(samples.subarray(at, at + 137));
      file += writer.takeLine();
    }
    writer.finish();
    file += writer.takeLine();
    const reader = new LivePeaksReader();
    expect(reader.push(file)).to.deep.equal({ ok: true, added: 105 });
    expect(reader.toAudiowaveformJson()).to.deep.equal(peaksFromSamples(samples, 100, 10, 8));
    expect(reader.duration).to.equal(10.5);
    expect(decodeAudiowaveformJson(reader.toAudiowaveformJson()).ok).to.equal(true);
    expect(file.split('\n')[0]).to.equal(`{"format":"${LIVE_PEAKS_FORMAT}","version":1,"sample_rate":100,"samples_per_pixel":10,"bits":8}`);
  });

  it('reads a file in pieces; `consumed` is where the next fetch starts; a re-read adds nothing', () => {
    const text = '{"format":"space-replay-live-peaks","version":1,"sample_rate":8000,"samples_per_pixel":800,"bits":8}\n{"offset":0,"data":[-1,2,-3,4]}\n{"offset":2,"data":[-5,6]}\n';
    const reader = new LivePeaksReader();
    const cut = text.indexOf('[-5');
    expect(reader.push(text.slice(0, cut))).to.deep.equal({ ok: true, added: 2 });
    expect(reader.consumed).to.equal(text.lastIndexOf('{"offset":2'));
    expect(reader.push(text.slice(cut))).to.deep.equal({ ok: true, added: 1 });
    expect(reader.consumed).to.equal(text.length);
    expect(Array.from(reader.pairsSoFar())).to.deep.equal([-1, 2, -3, 4, -5, 6]);
    const again = new LivePeaksReader();
    again.push(text);
    expect(again.push('{"offset":1,"data":[-3,4,-5,6,-7,8]}\n')).to.deep.equal({ ok: true, added: 1 });
    expect(Array.from(again.pairsSoFar())).to.deep.equal([-1, 2, -3, 4, -5, 6, -7, 8]);
  });

  it('bad files say which line is wrong', () => {
    const header = '{"format":"space-replay-live-peaks","version":1,"sample_rate":8000,"samples_per_pixel":800,"bits":8}\n';
    const cases: [string, string][] = [
      ['{"offset":0,"data":[]}\n', 'line 1: the first line must be the header'],
      [`${header}{"offset":3,"data":[1,2]}\n`, 'line 2: offset 3 leaves a gap after pixel 0'],
      [`${header}{"offset":0,"data":[1,200]}\n`, 'line 2: data[1] must be an integer from -128 to 127'],
      [`${header}{"offset":0,"data":[1]}\n`, 'line 2: data must be an array of min/max pairs'],
      [`${header}not json\n`, 'line 2: not JSON'],
      ['{"format":"space-replay-live-peaks","version":2}\n', 'line 1: version must be 1'],
    ];
    for (const [text, error] of cases) {
      const result = new LivePeaksReader().push(text);
      expect(result.ok, text).to.equal(false);
      if (!result.ok) expect(result.error).to.contain(error);
    }
  });
});
