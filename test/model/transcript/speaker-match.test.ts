import { expect } from '@esm-bundle/chai';
import { matchSpeakers } from '../../../src/model/transcript/index.js';
import { importOk } from './expect-import.js';
import { WEBVTT_SAMPLE, WHISPER_SAMPLE } from './samples.js';

const PARTICIPANTS = [
  { id: 'ada', name: 'Ada Lovelace' },
  { id: 'grace', name: 'Grâce  HOPPER' },
  { id: 'SPEAKER_01', name: 'Someone Else' },
];

describe('speaker matching', () => {
  it('matches an id exactly, then a name ignoring case, diacritics and spacing', () => {
    const result = matchSpeakers(
      [{ label: 'ada' }, { label: 'grace hopper' }, { label: 'ADA' }, { label: 'Ada  Lovelace' }, { label: 'Bob' }, { label: 'Bob' }],
      PARTICIPANTS,
    );
    expect(result.participantIds).to.deep.equal(['ada', 'grace', undefined, 'ada', undefined, undefined]);
    expect(result.unmatched).to.deep.equal(['ADA', 'Bob']);
  });

  it('prefers an id over a name', () => {
    const result = matchSpeakers([{ label: 'x' }], [{ id: 'p1', name: 'x' }, { id: 'x', name: 'Someone' }]);
    expect(result.participantIds).to.deep.equal(['x']);
  });

  it('reports nothing unmatched when no participants are given', () => {
    expect(matchSpeakers([{ label: 'A' }, { label: 'B', participantId: 'b' }])).to.deep.equal({ participantIds: [undefined, 'b'], unmatched: [] });
  });

  it('attaches participants during import and reports the labels that matched nothing', () => {
    const vtt = importOk(WEBVTT_SAMPLE, { participants: PARTICIPANTS });
    expect(vtt.transcript.speakers).to.deep.equal([
      { label: 'Ada Lovelace', participantId: 'ada' },
      { label: 'Grace Hopper', participantId: 'grace' },
    ]);
    expect(vtt.unmatchedSpeakers).to.deep.equal([]);
    const whisper = importOk(WHISPER_SAMPLE, { participants: PARTICIPANTS });
    expect(whisper.transcript.speakers).to.deep.equal([{ label: 'SPEAKER_00' }, { label: 'SPEAKER_01', participantId: 'SPEAKER_01' }]);
    expect(whisper.unmatchedSpeakers).to.deep.equal(['SPEAKER_00']);
  });

  it('keeps a participant named in normalized JSON only when it exists, else matches by name', () => {
    const json = {
      format: 'space-replay-transcript',
      version: '1.0',
      speakers: [
        { id: 's0', name: 'Ada Lovelace', participant: 'gone' },
        { id: 's1', name: 'Mystery', participant: 'grace' },
      ],
      cues: [{ startTime: 0, endTime: 1, speaker: 's0', text: 'hi' }],
    };
    const result = importOk(json, { participants: PARTICIPANTS });
    expect(result.transcript.speakers).to.deep.equal([
      { label: 'Ada Lovelace', participantId: 'ada' },
      { label: 'Mystery', participantId: 'grace' },
    ]);
  });
});
