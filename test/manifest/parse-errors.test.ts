import { expect } from '@esm-bundle/chai';
import { formatIssue, parseManifest } from '../../src/manifest/index.js';
import { fullManifest, minimalManifest } from './fixtures.js';
import { errorsOf, expectIssue } from './issue-assertions.js';

type M = Record<string, any>;
/** [what, how to break the full manifest, exact path, part of the message] */
type Case = [string, (m: M) => void, string, string];

const long = (n: number): string => 'a'.repeat(n);

const fieldCases: Case[] = [
  ['version as a number', (m) => (m.version = 1), 'version', 'expected string, got number 1'],
  ['version without minor', (m) => (m.version = '1'), 'version', 'must be "1.N"'],
  ['id with a space', (m) => (m.id = 'has space'), 'id', 'must be 1 to 64 letters, digits'],
  ['id too long', (m) => (m.id = long(65)), 'id', 'must be 1 to 64'],
  ['id missing', (m) => delete m.id, 'id', 'required'],
  ['title empty', (m) => (m.title = ''), 'title', 'must not be empty'],
  ['title too long', (m) => (m.title = long(201)), 'title', '201 characters, more than the 200 allowed'],
  ['status unknown', (m) => (m.status = 'done'), 'status', 'must be "pending", "live" or "ended", got "done"'],
  ['startedAt a date only', (m) => (m.startedAt = '2024-05-01'), 'startedAt', 'must be an RFC 3339 date-time'],
  ['startedAt not a real day', (m) => (m.startedAt = '2024-02-30T00:00:00Z'), 'startedAt', 'RFC 3339'],
  ['startedAt without offset', (m) => (m.startedAt = '2024-05-01T18:00:00'), 'startedAt', 'RFC 3339'],
  ['endedAt a number', (m) => (m.endedAt = 1714586400), 'endedAt', 'expected string, got number'],
  ['duration zero', (m) => (m.duration = 0), 'duration', 'must be more than 0 (got number 0)'],
  ['duration a string', (m) => (m.duration = '60'), 'duration', 'expected number, got "60"'],
  ['language not a tag', (m) => (m.language = 'english!'), 'language', 'BCP 47'],
  ['audio empty', (m) => (m.audio = []), 'audio', 'needs at least one audio source'],
  ['audio missing', (m) => delete m.audio, 'audio', 'required'],
  ['audio not an array', (m) => (m.audio = { url: 'a.mp3', type: 'audio/mpeg' }), 'audio', 'expected an array, got an object'],
  ['audio type unknown', (m) => (m.audio[1].type = 'audio/wav'), 'audio[1].type', 'must be an audio type this player reads, got "audio/wav"'],
  ['audio url missing', (m) => delete m.audio[0].url, 'audio[0].url', 'required'],
  ['waveform type unknown', (m) => (m.waveform.type = 'image/png'), 'waveform.type', 'must be "application/json" or "application/octet-stream"'],
  ['recording missing', (m) => delete m.recording, 'recording', 'required'],
  ['optInBy missing', (m) => delete m.recording.optInBy, 'recording.optInBy', 'required'],
  ['optInAt invalid', (m) => (m.recording.optInAt = 'yesterday'), 'recording.optInAt', 'RFC 3339'],
  ['retention.expiresAt invalid', (m) => (m.retention.expiresAt = '2025-13-01T00:00:00Z'), 'retention.expiresAt', 'RFC 3339'],
  ['participants missing', (m) => delete m.participants, 'participants', 'required'],
  ['participant name empty', (m) => (m.participants[1].name = ''), 'participants[1].name', 'must not be empty'],
  ['participant name too long', (m) => (m.participants[1].name = long(129)), 'participants[1].name', '129 characters, more than the 128 allowed'],
  ['participant role a number', (m) => (m.participants[1].role = 3), 'participants[1].role', 'expected string, got number 3'],
  ['consent missing (no implicit consent)', (m) => delete m.participants[1].consent, 'participants[1].consent', 'required'],
  ['consent.clip missing', (m) => delete m.participants[1].consent.clip, 'participants[1].consent.clip', 'required'],
  ['consent.record a string', (m) => (m.participants[0].consent.record = 'yes'), 'participants[0].consent.record', 'expected boolean, got "yes"'],
  ['consent.at invalid', (m) => (m.participants[0].consent.at = 'now'), 'participants[0].consent.at', 'RFC 3339'],
  ['segment startTime negative', (m) => (m.segments[0].startTime = -1), 'segments[0].startTime', 'must be 0 or more (got number -1)'],
  ['segment speaker missing', (m) => delete m.segments[2].speaker, 'segments[2].speaker', 'required'],
  ['segments not an array', (m) => (m.segments = 'none'), 'segments', 'expected an array, got "none"'],
  ['redaction reason empty', (m) => (m.redactions[0].reason = ''), 'redactions[0].reason', 'must not be empty'],
  ['transcript type unknown', (m) => (m.transcripts[0].type = 'text/plain'), 'transcripts[0].type', 'must be "text/vtt", "application/x-subrip" or "application/json"'],
  ['transcript language invalid', (m) => (m.transcripts[0].language = 'en_US'), 'transcripts[0].language', 'BCP 47'],
  ['chapters type wrong', (m) => (m.chapters.type = 'application/json'), 'chapters.type', 'must be "application/json+chapters"'],
  ['chapter title missing', (m) => delete m.chapters.data.chapters[1].title, 'chapters.data.chapters[1].title', 'required'],
  ['clip id invalid', (m) => (m.clips[0].id = 'best bit!'), 'clips[0].id', 'must be 1 to 64'],
  ['clip title too long', (m) => (m.clips[0].title = long(201)), 'clips[0].title', '201 characters'],
  ['downloads.audio a number', (m) => (m.downloads.audio = 5), 'downloads.audio', 'expected string, got number 5'],
  ['waveform data bits wrong', (m) => (m.waveform.data.bits = 12), 'waveform.data.bits', 'must be 8 or 16, got number 12'],
  ['inline cue startTime a string', (m) => (m.transcripts[1].data.cues[0].startTime = 'zero'), 'transcripts[1].data.cues[0].startTime', 'expected number, got "zero"'],
  ['inline cue text missing', (m) => delete m.transcripts[1].data.cues[1].text, 'transcripts[1].data.cues[1].text', 'required'],
  ['inline cue not an object', (m) => (m.transcripts[1].data.cues[1] = 'hi'), 'transcripts[1].data.cues[1]', 'expected an object, got "hi"'],
  ['inline cues missing', (m) => delete m.transcripts[1].data.cues, 'transcripts[1].data.cues', 'required'],
  ['inline transcript format wrong', (m) => (m.transcripts[1].data.format = 'vtt'), 'transcripts[1].data.format', 'got "vtt"'],
  ['inline transcript version wrong', (m) => (m.transcripts[1].data.version = '2.0'), 'transcripts[1].data.version', 'must be "1.N"'],
  ['inline transcript of no known form', (m) => (m.transcripts[1].data = { lines: [] }), 'transcripts[1].data', 'expected a normalized transcript'],
  ['inline word pair of one number', (m) => (m.transcripts[1].data.cues[0].words[1] = [0.5]), 'transcripts[1].data.cues[0].words[1]', 'must be a pair [startTime, endTime]'],
  ['inline word pair of strings', (m) => (m.transcripts[1].data.cues[0].words[0] = ['0', '1']), 'transcripts[1].data.cues[0].words[0]', 'must be two times'],
  ['inline word timings miscounted', (m) => m.transcripts[1].data.cues[0].words.push([2.4, 2.5]), 'transcripts[1].data.cues[0].words', '3 word timings for 2 words in text'],
  ['inline cue speaker unknown', (m) => (m.transcripts[1].data.cues[0].speaker = 's9'), 'transcripts[1].data.cues[0].speaker', '"s9" is not one of this transcript\'s speakers'],
  ['inline speaker ids duplicated', (m) => (m.transcripts[1].data.speakers[1].id = 's0'), 'transcripts[1].data.speakers[1].id', 'duplicate speaker id "s0"'],
  ['inline Podcasting segment body missing', (m) => delete m.transcripts[2].data.segments[0].body, 'transcripts[2].data.segments[0].body', 'required'],
  ['inline Podcasting speaker a number', (m) => (m.transcripts[2].data.segments[0].speaker = 1), 'transcripts[2].data.segments[0].speaker', 'expected string, got number 1'],
];

const ruleCases: Case[] = [
  // Rule 1: unique participant ids; references name a participant; the opt-in comes from a host.
  ['1: duplicate participant id', (m) => (m.participants[2].id = 'ada'), 'participants[2].id', 'duplicate participant id "ada" (also participants[0])'],
  ['1: segment speaker unknown', (m) => (m.segments[1].speaker = 'zed'), 'segments[1].speaker', '"zed" is not the id of a participant'],
  ['1: clip createdBy unknown', (m) => (m.clips[0].createdBy = 'zed'), 'clips[0].createdBy', '"zed" is not the id of a participant'],
  ['1: optInBy unknown', (m) => (m.recording.optInBy = 'zed'), 'recording.optInBy', '"zed" is not the id of a participant'],
  ['1: optInBy not a host', (m) => (m.recording.optInBy = 'cy'), 'recording.optInBy', 'participant "cy" is a speaker; the opt-in must come from a host or co-host'],
  ['1: optInBy with an unknown role', (m) => ((m.participants[0].role = 'boss'), (m.recording.optInBy = 'ada')), 'recording.optInBy', 'is a speaker'],
  ['1: transcript speaker participant unknown', (m) => (m.transcripts[1].data.speakers[0].participant = 'zed'), 'transcripts[1].data.speakers[0].participant', '"zed" is not the id of a participant'],
  ['1: duplicate clip id', (m) => m.clips.push({ ...m.clips[0] }), 'clips[1].id', 'duplicate clip id "best-bit" (also clips[0])'],
  // Rule 2: 0 ≤ startTime < endTime ≤ duration + 0.5.
  ['2: segment end before start', (m) => (m.segments[1].endTime = 19), 'segments[1].endTime', 'endTime 19 is not after startTime 20'],
  ['2: empty segment', (m) => (m.segments[1].endTime = 20), 'segments[1].endTime', 'endTime 20 is not after startTime 20'],
  ['2: clip past the end', (m) => (m.clips[0].endTime = 60.6), 'clips[0].endTime', 'endTime 60.6 is past the end of the recording (duration 60 s'],
  ['2: redaction end before start', (m) => (m.redactions[0].endTime = 11), 'redactions[0].endTime', 'is not after startTime 12'],
  ['2: chapter end past the end', (m) => (m.chapters.data.chapters[1].endTime = 61), 'chapters.data.chapters[1].endTime', 'past the end of the recording'],
  ['2: open chapter starting past the end', (m) => (m.chapters.data.chapters[1] = { startTime: 70, title: 'Late' }), 'chapters.data.chapters[1].startTime', 'startTime 70 is past the end'],
  ['2: inline cue past the end', (m) => (m.transcripts[1].data.cues[1].endTime = 99), 'transcripts[1].data.cues[1].endTime', 'past the end of the recording'],
  ['2: inline Podcasting segment reversed', (m) => (m.transcripts[2].data.segments[0].endTime = 29), 'transcripts[2].data.segments[0].endTime', 'is not after startTime 30'],
  // Rule 3: segments and chapters in start order.
  ['3: segments out of order', (m) => (m.segments[2].startTime = 10), 'segments[2].startTime', 'starts at 10, before segments[1] (20): segments must be in start order'],
  ['3: chapters out of order', (m) => (m.chapters.data.chapters[0].startTime = 40), 'chapters.data.chapters[1].startTime', 'chapters must be in start order'],
  // Rule 4: nothing attributed to a participant without record consent.
  ['4: segment by a non-consenting participant', (m) => (m.segments[2].speaker = 'dee'), 'segments[2].speaker', 'attributed to participant "dee", who has not consented to recording (consent.record is false)'],
  ['4: clip by a non-consenting participant', (m) => (m.clips[0].createdBy = 'dee'), 'clips[0].createdBy', 'who has not consented to recording'],
  ['4: transcript speaker mapped to a non-consenting participant', (m) => (m.transcripts[1].data.speakers[1].participant = 'dee'), 'transcripts[1].data.speakers[1].participant', 'has not consented to recording'],
  // Rule 5: no clip over speech by a participant without clip consent.
  ['5: clip over speech by bo', (m) => ((m.clips[0].startTime = 25), (m.clips[0].endTime = 35)), 'clips[0]', 'clip "best-bit" overlaps speech by participant "bo" (Bo), who has not consented to clips (consent.clip is false): segments[1] 20–30 s'],
  // Rule 6: status and dates.
  ['6: live with endedAt', (m) => (m.status = 'live'), 'endedAt', 'a live recording has no endedAt'],
  ['6: ended before it started', (m) => (m.endedAt = '2024-05-01T17:00:00Z'), 'endedAt', 'is before startedAt'],
  ['6: expires before the end', (m) => (m.retention.expiresAt = '2024-05-01T18:00:30Z'), 'retention.expiresAt', 'must be after endedAt 2024-05-01T18:01:00.250+00:00'],
  ['6: expires before the start (no endedAt)', (m) => (delete m.endedAt, (m.retention.expiresAt = '2024-04-01T00:00:00Z')), 'retention.expiresAt', 'must be after startedAt'],
  // Rule 7: inline waveform data.
  ['7: samples_per_pixel zero', (m) => (m.waveform.data.samples_per_pixel = 0), 'waveform.data.samples_per_pixel', 'must be 1 or more'],
  ['7: length does not match data', (m) => (m.waveform.data.length = 61), 'waveform.data', 'data has 120 values; length 61'],
  ['7: waveform shorter than duration', (m) => (m.waveform.data.samples_per_pixel = 90), 'waveform.data', 'the waveform covers 54.000 s but duration is 60 s (more than 1 s apart)'],
  // Rule 8: URLs.
  ['8: javascript: audio', (m) => (m.audio[0].url = 'javascript:alert(1)'), 'audio[0].url', 'scheme "javascript:" is not allowed'],
  ['8: data: avatar', (m) => (m.participants[0].avatar = 'data:image/png;base64,AAAA'), 'participants[0].avatar', 'scheme "data:" is not allowed'],
  ['8: file: chapter image', (m) => (m.chapters.data.chapters[0].img = 'file:///etc/passwd'), 'chapters.data.chapters[0].img', 'scheme "file:" is not allowed'],
  ['8: protocol-relative download', (m) => (m.downloads.audio = '//evil.com/a.mp3'), 'downloads.audio', 'protocol-relative URL'],
  ['8: http on a public host', (m) => (m.transcripts[0].url = 'http://example.com/t.vtt'), 'transcripts[0].url', 'http: is allowed on localhost only (host "example.com")'],
  ['8: hidden scheme with a tab', (m) => (m.participants[0].href = 'java\tscript:alert(1)'), 'participants[0].href', 'control character'],
  ['8: backslash host', (m) => (m.waveform = { type: 'application/json', url: '\\\\evil.com\\w.json' }), 'waveform.url', 'backslash'],
  // Rule 9: exactly one of url and data.
  ['9: waveform with url and data', (m) => (m.waveform.url = 'w.json'), 'waveform', 'has both url and data; give exactly one'],
  ['9: transcript with neither', (m) => delete m.transcripts[0].url, 'transcripts[0]', 'needs url or data'],
  ['9: chapters with neither', (m) => delete m.chapters.data, 'chapters', 'needs url or data'],
  ['9: inline waveform data typed as .dat', (m) => (m.waveform.type = 'application/octet-stream'), 'waveform.type', 'inline data must be JSON'],
  ['9: inline transcript typed as WebVTT', (m) => (m.transcripts[1].type = 'text/vtt'), 'transcripts[1].type', 'inline data must be JSON'],
];

describe('parseManifest: malformed manifests', () => {
  for (const [what, breakIt, path, part] of [...fieldCases, ...ruleCases]) {
    it(`${what} → ${path || '(root)'}`, () => {
      const input = fullManifest();
      breakIt(input);
      const errors = errorsOf(parseManifest(input));
      expectIssue(errors, path, part);
      // The same through JSON text.
      expectIssue(errorsOf(parseManifest(JSON.stringify(input))), path, part);
    });
  }

  it('refuses another major version with exactly this message, and nothing else', () => {
    const input = { ...minimalManifest(), version: '2.0', title: '' };
    const errors = errorsOf(parseManifest(input));
    expect(errors).to.deep.equal([{ path: 'version', message: 'unsupported manifest version 2.0 (this player reads 1.x)' }]);
  });

  it('collects every error in one pass', () => {
    const input = fullManifest();
    input.title = '';
    input.duration = -1;
    input.participants[1].consent.clip = 'no';
    input.audio[0].url = 'javascript:void(0)';
    input.segments[2].speaker = 'zed';
    const errors = errorsOf(parseManifest(input));
    expect(errors.length).to.be.at.least(5);
    expectIssue(errors, 'title', 'must not be empty');
    expectIssue(errors, 'duration', 'must be more than 0');
    expectIssue(errors, 'participants[1].consent.clip', 'expected boolean');
    expectIssue(errors, 'audio[0].url', 'javascript');
    expectIssue(errors, 'segments[2].speaker', '"zed"');
  });

  it('does not run rules on values the schema rejected', () => {
    const input = fullManifest();
    input.duration = 'long';
    input.segments[1].startTime = 'soon';
    input.participants[0].id = 'bad id';
    const errors = errorsOf(parseManifest(input));
    // A bad duration gives one error, not one per range; a bad start gives no order error.
    expect(errors.filter((e) => e.message.includes('past the end'))).to.deep.equal([]);
    expect(errors.filter((e) => e.message.includes('start order'))).to.deep.equal([]);
    expectIssue(errors, 'duration', 'expected number');
    expectIssue(errors, 'segments[1].startTime', 'expected number');
    expectIssue(errors, 'participants[0].id', 'must be 1 to 64');
  });

  it('writes an issue as one line with formatIssue', () => {
    expect(formatIssue({ path: 'participants[1].consent.clip', message: 'required' })).to.equal('participants[1].consent.clip: required');
    expect(formatIssue({ path: '', message: 'invalid JSON' })).to.equal('invalid JSON');
  });

  it('says the transcript form is unknown rather than listing unrelated errors', () => {
    const input = fullManifest();
    input.transcripts[1].data = { cues: 'nope' };
    const errors = errorsOf(parseManifest(input));
    expect(errors).to.deep.equal([
      {
        path: 'transcripts[1].data',
        message:
          'expected a normalized transcript (with "format": "space-replay-transcript") or a Podcasting 2.0 JSON transcript (with "version" and "segments")',
      },
    ]);
  });
});
