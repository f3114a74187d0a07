import { expect } from '@esm-bundle/chai';
import { toPlainText, toWebVTT } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';

// Hostile cue text and voice names must come out as inert plain text: the model never holds
// markup, so a renderer that sets textContent shows exactly these strings.
describe('transcript import: hostile text stays plain text', () => {
  it('WebVTT: tags are dropped, entities become literal characters, bidi overrides are kept', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:01.000',
      '<v Mallory>a<script>alert(1)</script>b',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Mallory><img src=x onerror=alert(1)>look',
      '',
      '00:00:02.000 --> 00:00:03.000',
      '<v Mallory>&lt;script&gt;alert(1)&lt;/script&gt; and &#60;img onerror=x&#62;',
      '',
      '00:00:03.000 --> 00:00:04.000',
      '<v Mallory><c.x onclick=alert(1)>javascript:alert(1)</c>',
      '',
      '00:00:04.000 --> 00:00:05.000',
      '<v &lt;img src=x onerror=alert(1)&gt;>voice name',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '<v Eve>\u202Egnp.exe \u2066isolated\u2069 \u200Fmark',
      '',
      '00:00:06.000 --> 00:00:07.000',
      'nul\u0000 and bell\u0007 and escape\u001b[31m gone',
      '',
    ].join('\n');
    const { transcript: t } = importOk(vtt);
    expect(t.cueText).to.deep.equal([
      'aalert(1)b',
      'look',
      '<script>alert(1)</script> and <img onerror=x>',
      'javascript:alert(1)',
      'voice name',
      '\u202Egnp.exe \u2066isolated\u2069 \u200Fmark',
      'nul and bell and escape[31m gone',
    ]);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['Mallory', '<img src=x onerror=alert(1)>', 'Eve']);
    // written back out, markup characters are escaped again
    const out = toWebVTT(t);
    expect(out).to.contain('<v &lt;img src=x onerror=alert(1)&gt;>voice name');
    expect(out).to.contain('&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img onerror=x&gt;');
    expect(out).to.not.contain('<script>');
    expect(toPlainText(t, { timestamps: false })).to.contain('<img src=x onerror=alert(1)>: voice name');
  });

  it('tags written around tags are stripped to a fixed point, not left behind as text', () => {
    const srt = [
      '1', '00:00:01,000 --> 00:00:02,000', '<<b>script>alert(1)<</b>/script>', '',
      '2', '00:00:02,000 --> 00:00:03,000', 'a <<<i>i>img src=x onerror=alert(1)>b', '',
      '3', '00:00:03,000 --> 00:00:04,000', '<scr<b>ipt>c</scr<i>ipt> and a < b <i>c</i> d > e', '',
    ].join('\n');
    const { transcript: srtRead } = importOk(srt);
    expect(srtRead.cueText).to.deep.equal(['alert(1)', 'a b', 'c and a < b c d > e']);
    for (const text of srtRead.cueText) expect(text).to.not.match(/<[a-z/]/i);
    // nested deeper than any file writes: the markup goes, the text stays, and it takes no time
    const deep = `1\n00:00:01,000 --> 00:00:02,000\n${'<'.repeat(5000)}${'b>'.repeat(5000)}script>x\n`;
    expect(importOk(deep).transcript.cueText[0]).to.not.match(/<[a-z/]/i);

    // the voice that the inner tags spell is a voice, so the speaker checks see it
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v <b>Ada</b>>Hello\n';
    const result = importOk(vtt, { participants: [{ id: 'bo', name: 'Bo' }] });
    expect(result.transcript.cueText).to.deep.equal(['Hello']);
    expect(result.transcript.speakers).to.deep.equal([{ label: 'Ada' }]);
    expect(result.unmatchedSpeakers).to.deep.equal(['Ada']);
  });

  it('JSON: strings are taken as text, never parsed as markup', () => {
    const json = {
      version: '1.0.0',
      segments: [
        { speaker: '<script>alert(1)</script>', startTime: 0, endTime: 1, body: '<img src=x onerror=alert(1)> &lt;b&gt; javascript:void(0)' },
        { speaker: 'Eve\u202E', startTime: 1, endTime: 2, body: 'عربي \u202Ereversed' },
      ],
    };
    const { transcript: t } = importOk(json);
    expect(t.cueText).to.deep.equal(['<img src=x onerror=alert(1)> &lt;b&gt; javascript:void(0)', 'عربي \u202Ereversed']);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['<script>alert(1)</script>', 'Eve\u202E']);
  });
});
