/**
 * The player's reading and sharing half, loaded in its own chunk once the player is ready (it is
 * not needed for first paint): the transcript panel, the clip editor, clip playback (links, host
 * highlights, previews) and the marks drawn over the lanes (search hits, the clip range, a drag).
 * `<space-replay>` owns one per loaded recording and calls it from its clock and pointer handlers.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { ClipPlaybackController } from '../../controllers/clip-playback.js';
import type { Messages } from '../../i18n/messages.js';
import { readAlongMessages } from '../../i18n/read-along-messages.js';
import type { Manifest } from '../../manifest/types.js';
import { checkClipConsent, clipsAllowed, type ClipParticipant } from '../../model/clip-consent.js';
import { formatTime } from '../../model/time.js';
import { importTranscript, type Transcript } from '../../model/transcript/index.js';
import '../space-replay-clip-editor/define.js';
import '../space-replay-transcript/define.js';
import type { SpaceReplayTranscript } from '../space-replay-transcript/space-replay-transcript.js';
import { nextTask } from './next-task.js';
import type { SpaceReplay } from './space-replay.js';
import { extrasStyles } from './transcript-and-clips.styles.js';
import { transcriptsInOrder } from './transcript-choice.js';

/** A time span marked on the lanes. */
interface Span {
  startTime: number;
  endTime: number;
}

const MIN_DRAG_SECONDS = 0.1;
const HIT_TICK_PX = 2;

/** Transcript, clips and their marks for one loaded recording of a `<space-replay>`. */
export class TranscriptAndClips {
  /** Clip playback on the player's media element. */
  readonly clips: ClipPlaybackController;
  /** The imported transcript, once loaded. */
  transcript: Transcript | undefined;
  /** The transcript could not be loaded. */
  unavailable = false;
  /** Lines the importer skipped. */
  skipped = 0;
  /** How long the import took, ms (reported by the benchmark and tests). */
  importMs = 0;
  /** The range in the clip editor, or null when it is closed. */
  editing: { start: number; end: number } | null = null;
  /** Plain drags on the timeline make clips (the "Make a clip" toggle). */
  clipMode = false;

  private readonly abort = new AbortController();
  private panel: SpaceReplayTranscript | undefined;
  private lastTime = NaN;
  private hits: Span[] = [];
  private activeHit = -1;
  private dragFrom: number | null = null;
  private dragTo = 0;
  private marks: HTMLCanvasElement | null = null;
  private resize: ResizeObserver | null = null;

  private readonly setPanel = (el?: Element): void => {
    this.panel = el as SpaceReplayTranscript | undefined;
    this.lastTime = NaN;
  };

  /** Wires clip playback to `host` for `manifest`; `waveSeeks` turns the waveform's own click and drag seeking on or off. Call {@link load} next. */
  constructor(
    private readonly host: SpaceReplay,
    private readonly manifest: Manifest,
    private readonly waveSeeks: (on: boolean) => void = () => {},
  ) {
    this.clips = new ClipPlaybackController(host, host.mediaElement, {
      onChange: () => {
        this.drawMarks();
        host.requestUpdate();
      },
    });
  }

  /** Opens the page's clip link (with `deep-link`), then fetches and imports the transcript. */
  async load(lang: string): Promise<void> {
    const { manifest, host } = this;
    this.setUpMarks();
    if (host.deepLink) {
      this.openLink();
      // A clip link clicked on the same page opens too.
      globalThis.addEventListener('hashchange', this.openLink);
    }
    const signal = this.abort.signal;
    const choices = transcriptsInOrder(manifest.transcripts ?? [], lang, manifest.language);
    for (const choice of choices) {
      const where = choice.url ?? '(inline)';
      try {
        let input: unknown = choice.data;
        if (input === undefined) {
          const response = await fetch(choice.url!, { signal });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          // JSON is parsed by the browser (Response.json), so the import itself only builds the columns.
          input = choice.type === 'application/json' ? await response.json() : await response.text();
        }
        if (signal.aborted) return;
        await nextTask();
        const started = performance.now();
        const result = importTranscript(input, {
          type: choice.type,
          participants: manifest.participants,
          ...(choice.language ? { language: choice.language } : {}),
        });
        this.importMs = performance.now() - started;
        if (signal.aborted) return;
        if (result.ok) {
          this.transcript = result.transcript;
          this.skipped = result.skipped.length;
          this.unavailable = false;
          break;
        }
        console.warn(`space-replay: transcript ${where}: ${result.error}`);
      } catch (error) {
        if (signal.aborted) return;
        console.warn(`space-replay: transcript ${where}: ${String(error)}`);
      }
      // This one failed: try the next; "unavailable" shows only once none could be read.
    }
    // Audio plays on either way.
    if (choices.length > 0 && !this.transcript) this.unavailable = true;
    host.requestUpdate();
  }

  /** Opens the page's clip link, if it has one for this recording: seek, scroll into view, and the clip's range. */
  private readonly openLink = (): void => {
    const { manifest, host } = this;
    // With `url` given, the controller leaves `hashchange` to us.
    const opened = this.clips.openDeepLink({ id: manifest.id, duration: manifest.duration, manifest, url: location.href });
    if (!opened) return;
    // Through the player too: before metadata (hls.js loads nothing before a play or a seek) the
    // controller only remembers the seek, and this one is what starts loading. A link the page
    // opened with already started the audio there: no second seek to the same place.
    if (Math.abs(host.currentTime - opened.start) > 0.01) host.seek(opened.start);
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    host.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  };

  /** Stops loading and watching; the player drops this object afterwards. */
  destroy(): void {
    globalThis.removeEventListener('hashchange', this.openLink);
    this.abort.abort();
    this.clips.exit();
    this.clips.hostDisconnected();
    this.host.removeController(this.clips);
    this.resize?.disconnect();
    this.marks?.remove();
  }

  /** Whether clips may be made of this recording (not expired). */
  get clipsAllowed(): boolean {
    return clipsAllowed(this.manifest);
  }

  /** Per frame: the panel's highlight follows the player's clock (only when the time moved). */
  tick(time: number): void {
    if (this.panel && time !== this.lastTime) {
      this.lastTime = time;
      this.panel.currentTime = time;
    }
  }

  /**
   * The player's timeline pointer events: `phase` 0 down, 1 move, 2 up. With Shift or in clip mode
   * a drag selects a clip range (true: handled, don't seek); otherwise a press seeks, and the panel
   * follows playback again.
   */
  pointer(e: PointerEvent, time: number, phase: 0 | 1 | 2): boolean {
    if (phase === 0) {
      if ((e.shiftKey || this.clipMode) && this.clipsAllowed) {
        // The waveform seeks on its own click and drag: not while a clip is being chosen.
        this.waveSeeks(false);
        this.dragFrom = this.dragTo = time;
        // A cancelled drag (no pointerup) leaves nothing behind.
        e.currentTarget?.addEventListener('lostpointercapture', this.cancelDrag, { once: true });
        this.drawMarks();
        return true;
      }
      this.panel?.resumeFollowing();
      return false;
    }
    if (this.dragFrom === null) return false;
    this.dragTo = time;
    if (phase === 2) {
      const start = Math.min(this.dragFrom, time);
      const end = Math.max(this.dragFrom, time);
      this.dragFrom = null;
      // After the click that follows this pointerup, which the waveform must not take as a seek.
      setTimeout(() => this.waveSeeks(true));
      if (end - start >= MIN_DRAG_SECONDS) this.edit(start, end);
    }
    this.drawMarks();
    return true;
  }

  private readonly cancelDrag = (): void => {
    if (this.dragFrom === null) return;
    this.dragFrom = null;
    this.waveSeeks(true);
    this.drawMarks();
  };

  /** Closes the clip editor (its × button, or Escape inside it). */
  closeEditor(): void {
    this.editing = null;
    this.drawMarks();
    this.host.requestUpdate();
  }

  /** Opens the clip editor on `[start, end)`. */
  edit(start: number, end: number): void {
    if (!this.clipsAllowed) return;
    this.editing = { start, end };
    this.clipMode = false;
    this.drawMarks();
    this.host.requestUpdate();
  }

  /** Under the pointer on the timeline: says when the range was removed at a speaker's request (the lanes hatch it). */
  hoverNote(time: number, lang: string): string {
    const removed = (this.manifest.redactions ?? []).some((r) => time >= r.startTime && time < r.endTime);
    return removed ? ` · ${readAlongMessages(lang).transcript.removed}` : '';
  }

  /** The clip-link banner or consent note, shown under the header. */
  renderBanner(m: Messages, lang: string): TemplateResult | typeof nothing {
    const c = readAlongMessages(lang).clips;
    const { active, notice } = this.clips;
    const hours = this.manifest.duration >= 3600;
    if (active?.source === 'link') {
      return html`<p part="clip-banner" class="clip-banner" role="status">
        <span>${c.clipOf(formatTime(active.start, { forceHours: hours }), formatTime(active.end, { forceHours: hours }))}</span> ·
        <button part="button play-full-button" type="button" @click=${() => void this.clips.playFullRecording()}>${c.playFull}</button>
      </p>`;
    }
    if (notice) {
      return html`<p part="clip-notice" class="clip-banner" role="status">
        <span>${c.linkRefused(names(notice.participants, lang), notice.participants.length)}</span>
        <button part="button" type="button" aria-label=${m.close} @click=${() => this.clips.dismissNotice()}>×</button>
      </p>`;
    }
    return nothing;
  }

  /** The clip tools, host highlights, clip editor and transcript panel (in the player's `transcript` part). */
  render(m: Messages, lang: string): TemplateResult {
    const c = readAlongMessages(lang).clips;
    const { manifest, host } = this;
    const duration = manifest.duration;
    const hours = duration >= 3600;
    const allowed = this.clipsAllowed;
    const highlights = manifest.clips ?? [];
    const active = this.clips.active;
    const range = active ?? this.editing ?? undefined;
    const several = document.querySelectorAll('space-replay').length > 1;
    const participants = manifest.participants;
    const allowDownload = Boolean(manifest.downloads?.transcript) && participants.every((p) => p.consent.download !== false);
    const hasTranscript = (manifest.transcripts?.length ?? 0) > 0;
    return html`<div class="companion">
      ${allowed
        ? html`<div part="clip-tools" class="clip-tools">
            <button part="button clip-button" type="button" aria-pressed=${this.clipMode ? 'true' : 'false'} title=${c.makeHint}
              @click=${() => {
                this.clipMode = !this.clipMode;
                host.requestUpdate();
              }}>${c.make}</button>
            ${this.clipMode ? html`<span part="clip-hint" class="clip-hint" role="status">${c.makeHint}</span>` : nothing}
          </div>`
        : nothing}
      ${highlights.length > 0
        ? html`<section part="highlights" class="highlights" aria-label=${c.highlights}>
            <h3 class="sr">${c.highlights}</h3>
            <ul>
              ${highlights.map((h) => {
                const time = `${formatTime(h.startTime, { forceHours: hours })}–${formatTime(h.endTime, { forceHours: hours })}`;
                const playing = active?.source === 'highlight' && active.start === h.startTime && active.end === h.endTime;
                return html`<li part=${playing ? 'highlight active' : 'highlight'}>
                  <button part="button highlight-button" type="button" aria-label=${c.playHighlight(h.title ?? time)}
                    @click=${() => void this.clips.playClip(h.startTime, h.endTime, 'highlight')}>▶</button>
                  <bdi class="highlight-title">${h.title ?? ''}</bdi> <span class="highlight-time">${time}</span>
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}
      ${this.editing && allowed
        ? html`<div part="clip-editor" class="clip-editor" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeEditor()}>
            <space-replay-clip-editor
              exportparts="base: editor, message: editor-message, button: editor-button"
              lang=${lang}
              .start=${this.editing.start}
              .end=${this.editing.end}
              .duration=${duration}
              .maxClip=${host.maxClip}
              .transcript=${this.transcript}
              .consentCheck=${(s: number, e: number) => checkClipConsent(manifest, s, e)}
              .recordingId=${several ? manifest.id : ''}
              .recordingTitle=${manifest.title}
              @space-replay-clip-change=${(e: CustomEvent<{ start: number; end: number }>) => {
                this.editing = { start: e.detail.start, end: e.detail.end };
                this.drawMarks();
                host.requestUpdate();
              }}
              @space-replay-preview-request=${(e: CustomEvent<{ start: number; end: number }>) => {
                e.stopPropagation();
                void this.clips.playClip(e.detail.start, e.detail.end, 'preview');
              }}
            ></space-replay-clip-editor>
            <button part="button close-clip-button" type="button" aria-label=${m.close} title=${m.close}
              @click=${() => this.closeEditor()}>×</button>
          </div>`
        : nothing}
      ${hasTranscript
        ? html`<space-replay-transcript
            ${ref(this.setPanel)}
            exportparts="word, turn, speaker, time, text, cue, redaction, scroller, toolbar, search, notice, message: transcript-message, resume"
            lang=${lang}
            .transcript=${this.transcript}
            .participants=${participants}
            .redactions=${manifest.redactions ?? []}
            .duration=${duration}
            .range=${range ? { start: range.start, end: range.end } : undefined}
            .skipped=${this.skipped}
            .downloadName=${manifest.id}
            ?unavailable=${this.unavailable}
            ?allow-download=${allowDownload}
            ?playing=${host.playing}
            @space-replay-seek-request=${(e: CustomEvent<{ time: number }>) => host.seek(e.detail.time)}
            @space-replay-clip-request=${(e: CustomEvent<{ start: number; end: number }>) => this.edit(e.detail.start, e.detail.end)}
            @space-replay-search=${(e: CustomEvent<{ hits: Span[]; active: number }>) => {
              this.hits = e.detail.hits;
              this.activeHit = e.detail.active;
              this.drawMarks();
            }}
          ></space-replay-transcript>`
        : nothing}
    </div>`;
  }

  /** A canvas over the lanes for the marks: one draw for all hits, never an element per hit. */
  private setUpMarks(): void {
    const root = this.host.shadowRoot;
    const sheet = extrasStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const box = this.host.renderRoot.querySelector('.lanes-box');
    if (!box || this.marks) return;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('part', 'marks');
    canvas.setAttribute('aria-hidden', 'true');
    canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none';
    box.append(canvas);
    this.marks = canvas;
    this.resize = new ResizeObserver(() => this.drawMarks());
    this.resize.observe(box);
  }

  /** Redraws the search hits, the clip range and a drag in progress. */
  drawMarks(): void {
    const canvas = this.marks;
    if (!canvas) return;
    const range = this.dragFrom !== null ? { start: Math.min(this.dragFrom, this.dragTo), end: Math.max(this.dragFrom, this.dragTo) } : (this.clips.active ?? this.editing);
    if (!range && this.hits.length === 0) {
      // Nothing to mark: no backing store (a full-size one costs about 1 MB on a phone screen).
      if (canvas.width !== 0) canvas.width = canvas.height = 0;
      return;
    }
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    if (!g || width === 0) return;
    g.scale(ratio, ratio);
    const duration = this.manifest.duration;
    const x = (t: number): number => (Math.min(Math.max(t, 0), duration) / duration) * width;
    const style = getComputedStyle(this.host);
    const accent = style.getPropertyValue('--space-replay-accent').trim() || '#4338ca';
    const hit = style.getPropertyValue('--space-replay-transcript-hit').trim() || '#f59e0b';
    if (range) {
      g.globalAlpha = 0.25;
      g.fillStyle = accent;
      g.fillRect(x(range.start), 0, Math.max(1, x(range.end) - x(range.start)), height);
      g.globalAlpha = 1;
      g.fillRect(x(range.start), 0, 1, height);
      g.fillRect(x(range.end) - 1, 0, 1, height);
    }
    // Ticks along the top edge; the one shown is full height.
    g.fillStyle = hit;
    this.hits.forEach((h, i) => {
      g.fillRect(Math.min(x(h.startTime), width - HIT_TICK_PX), 0, HIT_TICK_PX, i === this.activeHit ? height : Math.min(height, 10));
    });
  }
}

/** "Ada and Bo", in the UI language. */
function names(participants: readonly ClipParticipant[], lang: string): string {
  const list = participants.map((p) => p.name);
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}
