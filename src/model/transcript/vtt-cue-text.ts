/**
 * Reads the text of a WebVTT (or SRT) cue into plain words with media-captions' cue tokenizer:
 * the first `<v Name>` gives the speaker, `<00:00:01.200>` timestamps give word start times,
 * other tags (`<b>`, `<i>`, `<u>`, `<c>`, `<lang>`, `<ruby>`) give just their text, `<rt>` ruby
 * annotations are dropped (they repeat the base text), entities become characters. Nothing is
 * ever rendered: the tokens are walked for their text only. The common simple shapes skip the
 * tokenizer (`readSimpleCue`) with the same result.
 */
import { tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import { isControl, isSpace } from './plain-text.js';
import { parseTimestampAt } from './vtt-timestamp.js';

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
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));|&apos;/gi;

// A `<` with another `<` before the next `>`: maybe a tag written around other tags.
const NESTED_TAG = /<[^<>]*</;
const TAG_NAME_START = /^[A-Za-z/]/;
const ANGLE_BRACKETS = /[<>]/g;
/** Rounds of unnesting before giving up on the markup; real files need one or two. */
const MAX_UNNEST_ROUNDS = 8;

/** For every index, the index of the next `char` at or after it (`text.length` when none). */
function nextIndexOf(text: string, char: number): Int32Array {
  const next = new Int32Array(text.length + 1);
  next[text.length] = text.length;
  for (let k = text.length - 1; k >= 0; k--) next[k] = text.charCodeAt(k) === char ? k : next[k + 1]!;
  return next;
}

/**
 * One round of `unnestTags`: each `<` whose tag is interrupted by complete tags becomes the tag it
 * spells without them, when that starts with a tag name and ends at a `>`. Linear: a `<` whose
 * own `>` comes before any other `<` is a complete tag, and the walk from an interrupted `<` stops
 * at the first `>` or at the next interrupted `<`, so no two walks cover the same characters.
 */
function unnestOnce(text: string): string | undefined {
  const nextLt = nextIndexOf(text, 0x3c);
  const nextGt = nextIndexOf(text, 0x3e);
  const n = text.length;
  // a `<` at `at` is complete when its `>` comes before the next `<`
  const complete = (at: number) => nextGt[at + 1]! < n && nextGt[at + 1]! < nextLt[at + 1]!;
  let out = '';
  let from = 0;
  for (let lt = nextLt[0]!; lt < n; lt = nextLt[lt + 1]!) {
    if (lt < from || complete(lt)) continue;
    let inside = '';
    let k = lt + 1;
    let spelled = false;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === 0x3e /* > */) {
        spelled = TAG_NAME_START.test(inside);
        break;
      }
      if (c === 0x3c /* < */) {
        if (!complete(k)) break; // another interrupted `<`: its own walk reads on from here
        k = nextGt[k + 1]! + 1; // a complete tag inside: it goes
        continue;
      }
      const stop = Math.min(nextLt[k]!, nextGt[k]!);
      inside += text.slice(k, stop);
      k = stop;
    }
    if (!spelled) continue;
    out += `${text.slice(from, lt)}<${inside}>`;
    from = k + 1;
  }
  return from === 0 ? undefined : out + text.slice(from);
}

/**
 * Rewrites tags written around other tags as the tags they spell, until none is left, so that
 * removing the inner tags can never leave markup behind as text: SRT `<<b>script>x<</b>/script>`
 * becomes `<script>x</script>` (then removed as unknown tags), and `<v <b>Ada</b>>Hi` becomes the
 * voice `<v Ada>`. Each round removes characters, so it ends; text nested deeper than any file
 * writes loses its `<` and `>` instead, so that no markup survives as text.
 */
export function unnestTags(text: string): string {
  for (let round = 0; round < MAX_UNNEST_ROUNDS; round++) {
    const next = unnestOnce(text);
    if (next === undefined) return text;
    text = next;
  }
  return NESTED_TAG.test(text) ? text.replace(ANGLE_BRACKETS, '') : text;
}

/**
 * Prepares raw cue text for the tokenizer: tags written around tags unnested (`unnestTags`),
 * unknown tags removed, a `<` that opens no tag kept as text (`&lt;`), numeric character
 * references decoded (media-captions only knows a few named ones) without ever producing a `<`,
 * `>` or `&` that the tokenizer would read as markup.
 */
export function sanitizeCueMarkup(text: string): string {
  if (NESTED_TAG.test(text)) text = unnestTags(text);
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
 * Reads raw cue text (markup and all) into words: the simple shapes directly (see
 * `readSimpleCue`), everything else with media-captions' tokenizer. `start`/`end` bound the
 * inline timestamps that count (the tokenizer drops others).
 */
export function readCueWords(text: string, start: number, end: number): CueWords {
  return readSimpleCue(text, start, end) ?? readTokenizedCue(text, start, end);
}

// What the tokenizer does with the voice annotation: the first whitespace run becomes one space.
const FIRST_SPACE_RUN = /[\s\t]+/;

/** The voice annotation as the tokenizer stores it. Names are nearly always single-spaced already. */
function voiceName(annotation: string): string {
  for (let k = 0; k < annotation.length; k++) {
    if (isSpace(annotation.charCodeAt(k))) {
      const single = annotation.charCodeAt(k) === 0x20 && !isSpace(annotation.charCodeAt(k + 1));
      return single ? annotation : annotation.replace(FIRST_SPACE_RUN, ' ');
    }
  }
  return annotation;
}

/** True when `text[from, to)` holds a `<`. */
function hasTagStart(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x3c) return true;
  return false;
}

/** True for the characters that end a tag name or class in the tokenizer (space, tab, line feed). */
function isTagSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a;
}

/**
 * The fast path: nearly every cue in a real transcript is plain text, `<v Name>text`, or
 * `<v Name>word <00:00:01.200>word …` from a word aligner, and going through the sanitizer, the
 * tokenizer (a string concatenation per character, a node per timestamp, nested one inside the
 * previous) and the tree walk costs more than the whole rest of the import. So this reads those
 * shapes in one pass over the char codes: text, `<v>` / `<v.class Name>` voice tags, end tags,
 * and inline timestamps. The result is the same as `readTokenizedCue` (the tests hold it so on a
 * corpus). Anything else — an entity (`&`), another tag, a `<` that opens no complete tag — gives
 * undefined, and the caller falls back to the tokenizer.
 */
export function readSimpleCue(text: string, start: number, end: number): CueWords | undefined {
  if (text.includes('&')) return undefined;
  const words: string[] = [];
  // made at the first timestamp that counts: most cues have none
  let starts: number[] | undefined;
  let voice: string | undefined;
  let marker = NaN; // start time for the next word to begin
  let word = ''; // the current word so far, when markup or a control character cut it
  let from = -1; // start of the clean run being read, -1 between runs
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      // A tag ends the text run, not the word: `hel<00:00:01.000>lo` is one word, as in the tokenizer.
      if (from !== -1) {
        word += text.slice(from, i);
        from = -1;
      }
      // `<` with no `>` after it, or another `<` before it, is text to the sanitizer: not simple
      const gt = text.indexOf('>', i + 1);
      if (gt === -1) return undefined;
      const first = text.charCodeAt(i + 1);
      if (first >= 0x30 && first <= 0x39) {
        // the tokenizer ignores a timestamp that does not parse or lies outside the cue; one that
        // parses holds no `<`, so only a bad one needs the check
        const time = parseTimestampAt(text, i + 1, gt);
        if (time === null && hasTagStart(text, i + 1, gt)) return undefined;
        if (time !== null && time >= start && time <= end) {
          marker = time;
          if (!starts) {
            // NaN for the words begun before it; filled by push so the array stays packed
            starts = [];
            const begun = words.length + (word !== '' ? 1 : 0);
            for (let k = 0; k < begun; k++) starts.push(NaN);
          }
        }
      } else if (hasTagStart(text, i + 1, gt)) {
        return undefined;
      } else if (first === 0x76 /* v */) {
        // `<v>`, `<v Name>`, `<v.class.other Name>`: only the first voice of a cue counts
        let k = i + 2;
        const after = text.charCodeAt(k);
        if (after === 0x2e /* . */) {
          while (k < gt && !isTagSeparator(text.charCodeAt(k))) k++;
        } else if (k !== gt && !isTagSeparator(after)) {
          return undefined; // another tag whose name starts with v, or `<v/…>`
        }
        voice ??= k < gt ? voiceName(text.slice(k + 1, gt)) : '';
      } else if (first !== 0x2f /* / */) {
        return undefined;
      }
      // an end tag only moves the tokenizer's insertion point; it never adds or drops text here
      i = gt;
      continue;
    }
    if (c > 0x20 && c < 0x7f) {
      // printable ASCII, the common case: neither space nor control
    } else if (isSpace(c)) {
      if (from !== -1) {
        words.push(word === '' ? text.slice(from, i) : word + text.slice(from, i));
        word = '';
        from = -1;
      } else if (word !== '') {
        words.push(word);
        word = '';
      }
      continue;
    } else if (isControl(c)) {
      if (from !== -1) {
        word += text.slice(from, i);
        from = -1;
      }
      continue;
    }
    if (from === -1) {
      from = i;
      if (word === '' && starts) {
        starts.push(marker);
        marker = NaN;
      }
    }
  }
  if (from !== -1) words.push(word === '' ? text.slice(from) : word + text.slice(from));
  else if (word !== '') words.push(word);
  return { voice, words, starts };
}

/** Reads cue text with media-captions' tokenizer: every shape, including the ones `readSimpleCue` leaves. */
export function readTokenizedCue(text: string, start: number, end: number): CueWords {
  const collector = new WordCollector();
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
