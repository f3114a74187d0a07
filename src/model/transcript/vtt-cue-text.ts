/**
 * Reads the text of a WebVTT (or SRT) cue into plain words with media-captions' cue tokenizer:
 * the first `<v Name>` gives the speaker, `<00:00:01.200>` timestamps give word start times,
 * other tags (`<b>`, `<i>`, `<u>`, `<c>`, `<lang>`, `<ruby>`) give just their text, `<rt>` ruby
 * annotations are dropped (they repeat the base text), entities become characters. Nothing is
 * ever rendered: the tokens are walked for their text only.
 */
import { tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';

/** Words of a cue, its speaker, and per-word start times where the cue had timestamps. */
export interface CueWords {
  voice: string | undefined;
  words: string[];
  /** Start time per word (NaN when not given); undefined when the cue has no timestamps. */
  starts: number[] | undefined;
}

// Tags media-captions' tokenizer knows. Anything else must not reach it: the tokenizer writes an
// unknown tag's annotation (`<img src=x>`) into the enclosing `<v>`'s voice, and an unknown end
// tag closes the enclosing span.
const KNOWN_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);
const TAG_NAME_END = /[\s./>]/;
const DIGIT = /[0-9]/;
// A `<` that does not open a complete known tag, end tag of one, or timestamp.
const NEEDS_TAG_CLEANUP = /<(?!(?:\/?(?:[cibuv]|ruby|rt|lang)(?=[\s.>])|[0-9])[^<>]*>)/;
// The most common markup by far, `<v Name>text` with nothing else: read without the tokenizer,
// with the same result.
const VOICE_ONLY = /^<v(?:\.[^\s.<>&]+)*[ \t]+([^<>&]*)>([^<>&]*?)(?:<\/v>)?$/;
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));|&apos;/gi;

/**
 * Prepares raw cue text for the tokenizer: unknown tags removed, a `<` that opens no tag kept as
 * text (`&lt;`), numeric character references decoded (media-captions only knows a few named ones)
 * without ever producing a `<`, `>` or `&` that the tokenizer would read as markup.
 */
export function sanitizeCueMarkup(text: string): string {
  if (text.includes('&#') || text.includes('&apos;')) text = text.replace(NUMERIC_ENTITY, decodeNumeric);
  if (!NEEDS_TAG_CLEANUP.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, lt);
    const gt = text.indexOf('>', lt + 1);
    const nextLt = text.indexOf('<', lt + 1);
    if (gt === -1 || (nextLt !== -1 && nextLt < gt)) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    const inner = text.slice(lt + 1, gt);
    const closing = inner.startsWith('/');
    const body = closing ? inner.slice(1) : inner;
    const nameEnd = body.search(TAG_NAME_END);
    const name = nameEnd === -1 ? body : body.slice(0, nameEnd);
    const isTimestamp = !closing && DIGIT.test(body.charAt(0));
    if (isTimestamp || KNOWN_TAGS.has(name)) out += text.slice(lt, gt + 1);
    i = gt + 1;
  }
  return out;
}

function decodeNumeric(match: string, hex: string | undefined, dec: string | undefined): string {
  if (hex === undefined && dec === undefined) return "'";
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return match;
  if (code === 0x26) return '&amp;';
  if (code === 0x3c) return '&lt;';
  if (code === 0x3e) return '&gt;';
  return String.fromCodePoint(code);
}

/** True for the characters JavaScript's `\s` matches (the word separators). */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 &&
        (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** True for C0/C1 control characters that are not whitespace. */
function isControl(c: number): boolean {
  return c < 0x20 ? c < 0x09 || c > 0x0d : c >= 0x7f && c <= 0x9f;
}

/** Accumulates words from text pieces; a word may continue across pieces (`hel<b>lo</b>`). */
class WordCollector {
  readonly words: string[] = [];
  readonly starts: number[] = [];
  private word = '';
  /** Start time for the next word to begin (NaN: none given). */
  marker = NaN;

  add(data: string): void {
    let from = -1; // start of the clean run being copied into the current word
    for (let k = 0; k <= data.length; k++) {
      const c = k < data.length ? data.charCodeAt(k) : 0x20;
      const space = isSpace(c);
      if (space || isControl(c)) {
        if (from !== -1) {
          this.word += data.slice(from, k);
          from = -1;
        }
        if (space && k < data.length) this.flush();
      } else if (from === -1) {
        from = k;
        if (this.word === '') {
          this.starts.push(this.marker);
          this.marker = NaN;
        }
      }
    }
  }

  flush(): void {
    if (this.word !== '') {
      this.words.push(this.word);
      this.word = '';
    }
  }
}

/**
 * Reads raw cue text (markup and all) into words. Text without `<` or `&` skips the tokenizer.
 * `start`/`end` bound the inline timestamps that count (the tokenizer drops others).
 */
export function readCueWords(text: string, start: number, end: number): CueWords {
  const collector = new WordCollector();
  if (!text.includes('<') && !text.includes('&')) {
    collector.add(text);
    collector.flush();
    return { voice: undefined, words: collector.words, starts: undefined };
  }
  const voiceOnly = VOICE_ONLY.exec(text);
  if (voiceOnly) {
    collector.add(voiceOnly[2]!);
    collector.flush();
    return { voice: voiceOnly[1]!, words: collector.words, starts: undefined };
  }
  // The tokenizer reads only text, startTime and endTime. A plain object, not a VTTCue: in
  // browsers VTTCue is native and every `cue.text[i]` the tokenizer does crosses into C++.
  const cue = { text: sanitizeCueMarkup(text), startTime: start, endTime: end } as unknown as VTTCue;
  const nodes = tokenizeVTTCue(cue);
  let voice: string | undefined;
  let timed = false;
  // Walk iteratively: media-captions nests every timestamp node inside the previous one, so a
  // cue with many timestamps would make a recursive walk very deep.
  const stack: VTTNode[][] = [nodes];
  const positions: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const list = stack[top]!;
    const p = positions[top]!;
    if (p >= list.length) {
      stack.pop();
      positions.pop();
      continue;
    }
    positions[top] = p + 1;
    const node = list[p]!;
    if (node.type === 'text') {
      collector.add(node.data);
      continue;
    }
    // Runtime type of timestamp nodes is 'timestamp' (the declared VTTBlockType says 'ts').
    const type: string = node.type;
    if (type === 'rt') continue;
    if (type === 'timestamp') {
      // applies to the next word that begins; a word running on after it stays one word
      collector.marker = (node as { time: number }).time;
      timed = true;
    } else if (type === 'v' && voice === undefined) {
      voice = (node as { voice?: string }).voice ?? '';
    }
    stack.push(node.children);
    positions.push(0);
  }
  collector.flush();
  return { voice, words: collector.words, starts: timed ? collector.starts : undefined };
}
