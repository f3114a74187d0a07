/**
 * The text of an audiogram as an ASS subtitle script (the format libass, behind ffmpeg's `ass`
 * filter, renders): the recording's title, who is speaking, and the transcript's words as
 * captions, page by page, the word being said highlighted where the transcript has word times.
 * Format: the Advanced SubStation Alpha v4+ script (sections `[Script Info]`, `[V4+ Styles]`,
 * `[Events]`) as libass reads it.
 */
import type { Transcript } from '../model/transcript/index.js';

/** The frame and where each text goes. */
export interface AudiogramLayout {
  width: number;
  height: number;
  /** Distance of the title's top from the top edge. */
  titleTop: number;
  titleSize: number;
  /** Distance of the speaker's name from the top edge. */
  speakerTop: number;
  speakerSize: number;
  /** Distance of the captions' bottom from the bottom edge. */
  captionBottom: number;
  captionSize: number;
  /** Characters on a caption page (two lines at most). */
  pageCharacters: number;
  margin: number;
}

/** Who speaks when, relative to the clip start. */
export interface SpeakerSpan {
  start: number;
  end: number;
  name: string;
}

const WHITE = '&H00FFFFFF';
const MUTED = '&H00B8A394';
/** The highlighted word and the speaker's name: a warm yellow (BGR order in ASS). */
const ACCENT = '&H0047C8FF';

/**
 * Text for an ASS event: control characters and line breaks become spaces, and the characters
 * that start override tags or escapes (`{`, `}`, `\`) are made literal, so a title like
 * `{\pos(0,0)}` is drawn as written.
 */
export function assText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\\/g, '\\\u2060')
    .replace(/[{}]/g, (c) => `\\${c}`)
    .trim();
}

function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

/** One caption page: words with their times (relative to the clip), and whether those times are real. */
interface Page {
  words: { text: string; start: number; end: number }[];
  timed: boolean;
}

/** The clip's words as pages of at most `characters` characters, never across a cue. */
function pages(transcript: Transcript, start: number, end: number, characters: number): Page[] {
  const out: Page[] = [];
  for (let cue = 0; cue < transcript.cueCount; cue++) {
    if (transcript.cueEnd[cue]! <= start || transcript.cueStart[cue]! >= end) continue;
    const [first, last] = transcript.wordsOfCue(cue);
    const timed = transcript.cueWordTimed[cue] === 1;
    let page: Page | undefined;
    let length = 0;
    for (let w = first; w < last; w++) {
      const ws = transcript.wordStart[w]!;
      const we = transcript.wordEnd[w]!;
      if (we <= start || ws >= end) continue;
      const text = transcript.word(w);
      if (!page || length + 1 + text.length > characters) {
        page = { words: [], timed };
        out.push(page);
        length = 0;
      }
      page.words.push({ text, start: Math.max(0, ws - start), end: Math.min(end, we) - start });
      length += (length > 0 ? 1 : 0) + text.length;
    }
  }
  return out;
}

/** The whole script: title for the clip's length, speaker names, and caption pages. */
export function audiogramScript(options: {
  layout: AudiogramLayout;
  duration: number;
  title: string;
  speakers: readonly SpeakerSpan[];
  transcript?: Transcript;
  /** The clip's range in the recording, seconds. */
  start: number;
  end: number;
}): string {
  const { layout: l, duration } = options;
  const style = (name: string, size: number, colour: string, bold: boolean, alignment: number, marginV: number) =>
    `Style: ${name},DejaVu Sans,${size},${colour},${colour},&H00000000,&H80000000,${bold ? -1 : 0},0,0,0,100,100,0,0,1,0,0,${alignment},${l.margin},${l.margin},${marginV},1`;
  const lines = [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${l.width}`,
    `PlayResY: ${l.height}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    style('Title', l.titleSize, WHITE, true, 8, l.titleTop),
    style('Speaker', l.speakerSize, ACCENT, true, 8, l.speakerTop),
    style('Caption', l.captionSize, WHITE, true, 2, l.captionBottom),
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ];
  const event = (from: number, to: number, styleName: string, text: string) => {
    const a = Math.max(0, Math.min(duration, from));
    const b = Math.max(0, Math.min(duration, to));
    if (b - a >= 0.01 && text !== '') lines.push(`Dialogue: 0,${assTime(a)},${assTime(b)},${styleName},,0,0,0,,${text}`);
  };
  event(0, duration, 'Title', assText(options.title));
  for (const span of options.speakers) event(span.start, span.end, 'Speaker', assText(span.name));
  if (options.transcript) {
    const all = pages(options.transcript, options.start, options.end, l.pageCharacters);
    all.forEach((page, p) => {
      const pageEnd = Math.max(page.words.at(-1)!.end, Math.min(all[p + 1]?.words[0]!.start ?? Infinity, page.words.at(-1)!.end + 1.5));
      const texts = page.words.map((w) => assText(w.text));
      if (!page.timed) {
        event(page.words[0]!.start, pageEnd, 'Caption', texts.join(' '));
        return;
      }
      // One event per word, each until the next word starts, so the page stays up while the current word is lit.
      page.words.forEach((word, i) => {
        const until = i + 1 < page.words.length ? page.words[i + 1]!.start : pageEnd;
        const text = texts.map((t, j) => (j === i ? `{\\c${ACCENT}&}${t}{\\c${WHITE}&}` : j > i ? `{\\c${MUTED}&}${t}{\\c${WHITE}&}` : t)).join(' ');
        event(word.start, until, 'Caption', text);
      });
    });
  }
  return `${lines.join('\n')}\n`;
}
