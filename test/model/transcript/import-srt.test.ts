import { expect } from '@esm-bundle/chai';
import { importOk, times } from './expect-import.js';
import { SRT_SAMPLE } from './samples.js';

describe('transcript import: SRT', () => {
  it('reads cues with comma decimals, strips tags and SSA overrides, reports bad blocks by line', () => {
    const { transcript: t, format, skipped } = importOk(SRT_SAMPLE);
    expect(format).to.equal('srt');
    expect(t.cueCount).to.equal(5);
    expect(t.wordCount).to.equal(22);
    expect(times(t.cueStart)).to.deep.equal([1, 3.6, 7, 10, 12.5]);
    expect(times(t.cueEnd)).to.deep.equal([3.5, 6, 9, 12.25, 13]);
    expect(t.cueText).to.deep.equal([
      'Hello everyone, welcome.',
      'Thanks for having me.',
      'Italic line second line',
      'One more & done red',
      'Note: this is not a speaker.',
    ]);
    expect(skipped).to.deep.equal([
      { line: 10, reason: 'cue end 00:00:05.000 is not after its start 00:00:06.500' },
      { line: 19, reason: 'bad cue start time "00:00:xx.000"' },
    ]);
    expect(t.hasWordTimings).to.equal(false);
  });

  it('reads a "NAME:" prefix as the speaker when it prefixes two or more cues', () => {
    const { transcript: t } = importOk(SRT_SAMPLE);
    expect(t.speakers).to.deep.equal([{ label: 'ADA' }, { label: 'GRACE' }]);
    // "Note:" is text, so that cue has no marker and keeps GRACE, the speaker before it
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 1, 0, 1, 1]);
  });

  it('reads a single "Name:" prefix when it names a participant, and <v> voices', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nAda Lovelace: Hi there\n\n2\n00:00:02,000 --> 00:00:03,000\n<v Grace>Hello</v>\n';
    const { transcript: t, unmatchedSpeakers } = importOk(srt, {
      participants: [{ id: 'ada', name: 'Ada Lovelace' }, { id: 'grace', name: 'Grace' }],
    });
    expect(t.speakers).to.deep.equal([
      { label: 'Ada Lovelace', participantId: 'ada' },
      { label: 'Grace', participantId: 'grace' },
    ]);
    expect(t.cueText).to.deep.equal(['Hi there', 'Hello']);
    expect(unmatchedSpeakers).to.deep.equal([]);
  });

  it('is recognized without a type from its numbered blocks, and by file name', () => {
    expect(importOk(SRT_SAMPLE).format).to.equal('srt');
    const unnumbered = '00:00:01,000 --> 00:00:02,000\nHi\n';
    expect(importOk(unnumbered).format).to.equal('srt');
    expect(importOk(unnumbered, { fileName: 'talk.SRT' }).format).to.equal('srt');
    expect(importOk(unnumbered, { type: 'application/x-subrip' }).format).to.equal('srt');
  });

  it('splits cues that lack the blank line between them', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nFirst\n2\n00:00:02,000 --> 00:00:03,000\nSecond\n12 apples\n3\n00:00:03,000 --> 00:00:04,000\nThird\n';
    const { transcript: t, skipped } = importOk(srt);
    expect(t.cueText).to.deep.equal(['First', 'Second 12 apples', 'Third']);
    expect(Array.from(t.cueStart)).to.deep.equal([1, 2, 3]);
    expect(skipped).to.deep.equal([]);
  });
});

describe('transcript import: SRT speakers carry over', () => {
  it('keeps a "Name:" speaker for the cues after it until the next marker; <v> and Name: always win', () => {
    // Podcast SRT exports write "Name:" only where the speaker changes.
    const srt = [
      '1', '00:00:00,000 --> 00:00:03,000', 'Maya Chen: Welcome to the release call.', '',
      '2', '00:00:03,000 --> 00:00:06,000', 'We have three things to cover today.', '',
      '3', '00:00:06,000 --> 00:00:09,000', 'Tom Okafor: Let me start with the player.', '',
      '4', '00:00:09,000 --> 00:00:12,000', 'It now reads more caption files.', '',
      '5', '00:00:12,000 --> 00:00:14,000', '<v Maya Chen>Nice.</v>', '',
      '6', '00:00:14,000 --> 00:00:16,000', 'What about chapters?', '',
      '7', '00:00:16,000 --> 00:00:18,000', 'Tom Okafor: Those too.', '',
      '8', '00:00:18,000 --> 00:00:20,000', 'Maya Chen: Good.', '',
      '9', '00:00:20,000 --> 00:00:22,000', 'See you next week.', '',
    ].join('\n');
    const { transcript: t } = importOk(srt);
    expect(t.speakers.map((s) => s.label)).to.deep.equal(['Maya Chen', 'Tom Okafor']);
    expect(Array.from(t.cueSpeaker)).to.deep.equal([0, 0, 1, 1, 0, 0, 1, 0, 0]);
    expect(t.cueText[1]).to.equal('We have three things to cover today.');
  });
});
