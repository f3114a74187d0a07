/**
 * The DOM of one transcript block, built with `createElement` and `textContent` only (cue text and
 * names can never become markup), and the `part` states of its words and cues. The panel toggles
 * those states directly on the few nodes that change, so a playing transcript never re-renders.
 */
import { textDirection } from '../../model/text-direction.js';
import type { Transcript } from '../../model/transcript/index.js';
import type { TranscriptBlocks } from './transcript-blocks.js';

/** Word and cue states, as bits. */
export const CURRENT = 1;
/** Already spoken. */
export const PLAYED = 2;
/** Inside a search hit. */
export const HIT = 4;
/** Inside the search hit being shown. */
export const HIT_CURRENT = 8;
/** Inside the clip range. */
export const IN_CLIP = 16;
/** Removed at the speaker's request (its text is not rendered). */
export const REDACTED = 32;

const PART_NAMES: [bit: number, name: string][] = [
  [CURRENT, 'current'],
  [PLAYED, 'played'],
  [HIT, 'hit'],
  [HIT_CURRENT, 'hit-current'],
  [IN_CLIP, 'clip'],
  [REDACTED, 'redacted'],
];

function partTable(base: string): string[] {
  return Array.from({ length: 64 }, (_, mask) => [base, ...PART_NAMES.filter(([bit]) => mask & bit).map(([, name]) => name)].join(' '));
}

/** The `part` attribute of a word for each state mask (`word`, `word current`, `word played hit`, …). */
export const WORD_PARTS = partTable('word');
/** The `part` attribute of a cue for each state mask. */
export const CUE_PARTS = partTable('cue');

/** How the panel names and pictures a speaker. */
export interface SpeakerView {
  /** Display name ('' when the turn has no speaker). */
  name: string;
  /** A loadable avatar URL, if any. */
  avatar: string | undefined;
  /** Initials shown instead of the avatar. */
  initials: string;
}

/** What building a block needs. */
export interface BlockContext {
  transcript: Transcript;
  blocks: TranscriptBlocks;
  /** By transcript speaker index; index -1 has no entry. */
  speakers: readonly SpeakerView[];
  /** Redacted word flags, or null. */
  redacted: Uint8Array | null;
  /** The text shown where words were removed. */
  removedText: string;
  /** The time label of a turn, and its spoken form. */
  timeLabel(seconds: number): string;
  /** The accessible name of a turn's time button. */
  timeName(seconds: number, speaker: string): string;
  /** Called when an avatar fails to load (the panel shows initials from then on). */
  onAvatarError(img: HTMLImageElement, speaker: number): void;
}

/** A rendered block and the nodes the panel updates. */
export interface RenderedBlock {
  index: number;
  el: HTMLElement;
  firstWord: number;
  /** Word elements, `words[i]` is word `firstWord + i`. */
  words: HTMLElement[];
  /** The state mask last written on each word. */
  masks: Uint8Array;
  /** Cue spans in order; `cueOf[i]` is the cue of `cues[i]` (a cue cut between blocks has a span in each). */
  cues: HTMLElement[];
  cueOf: Uint32Array;
  cueMasks: Uint8Array;
  /** The turn's time button, in a turn's first block. */
  time: HTMLButtonElement | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, part: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.setAttribute('part', part);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** An avatar image, or the initials when there is no usable image. */
export function avatarNode(view: SpeakerView, speaker: number, onError: BlockContext['onAvatarError']): HTMLElement {
  if (view.avatar) {
    const img = element('img', 'avatar');
    img.className = 'avatar';
    img.alt = '';
    img.width = 28;
    img.height = 28;
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
    img.addEventListener('error', () => onError(img, speaker), { once: true });
    img.src = view.avatar;
    return img;
  }
  const initials = element('span', 'avatar initials', view.initials);
  initials.className = 'avatar';
  initials.setAttribute('aria-hidden', 'true');
  return initials;
}

/** Builds block `index`; `wordMask(w)` and `cueMask(c)` give the states to paint at once. */
export function renderBlock(ctx: BlockContext, index: number, wordMask: (w: number) => number, cueMask: (c: number) => number): RenderedBlock {
  const { transcript: t, blocks, redacted } = ctx;
  const first = blocks.firstWord[index]!;
  const end = blocks.firstWord[index + 1]!;
  const head = blocks.head[index] === 1;
  const turn = blocks.turn[index]!;

  const el = element('div', head ? 'turn' : 'turn continued');
  el.className = 'block';
  let time: HTMLButtonElement | null = null;
  if (head) {
    const header = element('div', 'turn-header');
    header.className = 'head';
    const speaker = t.turnSpeaker[turn]!;
    const view = speaker >= 0 ? ctx.speakers[speaker] : undefined;
    if (view) {
      header.append(avatarNode(view, speaker, ctx.onAvatarError), element('bdi', 'speaker', view.name));
    }
    const start = t.turnStart[turn]!;
    const label = ctx.timeLabel(start);
    time = element('button', 'time', label);
    time.type = 'button';
    time.tabIndex = -1;
    time.className = 'time';
    time.dir = 'ltr';
    // The name starts with the time it shows (WCAG 2.5.3, label in name), then says what it does.
    time.setAttribute('aria-label', `${label}, ${ctx.timeName(start, view?.name ?? '')}`);
    header.append(time);
    el.append(header);
  }

  const p = element('p', 'text');
  p.className = 'text';
  // The paragraph takes its direction from its text, not the page: English cues in a right-to-left
  // page read left to right, in order. (Not `dir="auto"`: it skips the cues, isolates of their own.)
  p.dir = textDirection(t.cueText[t.wordCue[first]!] ?? '') ?? 'auto';
  const words: HTMLElement[] = new Array(end - first);
  const masks = new Uint8Array(end - first);
  const cues: HTMLElement[] = [];
  const cueOf: number[] = [];
  let w = first;
  while (w < end) {
    const cue = t.wordCue[w]!;
    const cueEnd = Math.min(end, t.cueFirstWord[cue + 1]!);
    const span = element('span', 'cue');
    span.dir = 'auto';
    for (; w < cueEnd; w++) {
      const removed = redacted !== null && redacted[w] === 1;
      if (removed && (w === first || w === t.cueFirstWord[cue] || !redacted[w - 1])) {
        span.append(element('span', 'redaction', ctx.removedText), ' ');
      }
      const word = element('span', 'word', removed ? undefined : t.word(w));
      const mask = wordMask(w);
      if (mask !== 0) word.setAttribute('part', WORD_PARTS[mask]!);
      if (mask & CURRENT) word.setAttribute('aria-current', 'time');
      words[w - first] = word;
      masks[w - first] = mask;
      span.append(word);
      if (w + 1 < cueEnd && !removed) span.append(' ');
    }
    const mask = cueMask(cue);
    if (mask !== 0) span.setAttribute('part', CUE_PARTS[mask]!);
    if (mask & CURRENT) span.setAttribute('aria-current', 'time');
    cues.push(span);
    cueOf.push(cue);
    p.append(span);
    if (w < end) p.append(' ');
  }
  el.append(p);
  const cueMasks = new Uint8Array(cues.length);
  for (let i = 0; i < cues.length; i++) cueMasks[i] = cueMask(cueOf[i]!);
  return { index, el, firstWord: first, words, masks, cues, cueOf: Uint32Array.from(cueOf), cueMasks, time };
}

/** Writes `mask` on a rendered word when it changed. */
export function paintWord(block: RenderedBlock, i: number, mask: number): void {
  if (block.masks[i] === mask) return;
  const old = block.masks[i]!;
  block.masks[i] = mask;
  const word = block.words[i]!;
  word.setAttribute('part', WORD_PARTS[mask]!);
  if ((old ^ mask) & CURRENT) {
    if (mask & CURRENT) word.setAttribute('aria-current', 'time');
    else word.removeAttribute('aria-current');
  }
}

/** Writes `mask` on a rendered cue span when it changed. */
export function paintCue(block: RenderedBlock, i: number, mask: number): void {
  if (block.cueMasks[i] === mask) return;
  const old = block.cueMasks[i]!;
  block.cueMasks[i] = mask;
  const span = block.cues[i]!;
  span.setAttribute('part', CUE_PARTS[mask]!);
  if ((old ^ mask) & CURRENT) {
    if (mask & CURRENT) span.setAttribute('aria-current', 'time');
    else span.removeAttribute('aria-current');
  }
}
