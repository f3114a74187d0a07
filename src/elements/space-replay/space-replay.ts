import { html, nothing, type TemplateResult } from 'lit';
import { WaveformController } from '../../controllers/waveform-controller.js';
import { emit } from '../../events.js';
import { messagesFor } from '../../i18n/messages.js';
import { SpaceReplayProvider } from '../space-replay-provider/space-replay-provider.js';
import '../space-replay-chapters/define.js';
import '../space-replay-header/define.js';
import '../space-replay-speakers/define.js';
import '../space-replay-status/define.js';
import '../space-replay-timeline/define.js';
import '../space-replay-transport/define.js';
import { styles } from './space-replay.styles.js';

export type { PlayerState } from '../space-replay-provider/space-replay-provider.js';
export { PLAYBACK_RATES } from '../space-replay-provider/space-replay-provider.js';

// Each part's own part names, exported through the player so `space-replay::part(…)` reaches them.
const PARTS = {
  header: 'header, title, meta, badge, live, ended, pending, availability, license',
  timeline: 'timeline, waveform, lanes, cursor, hover, marks',
  banner: 'clip-banner, clip-notice, button, play-full-button',
  status:
    'skeleton, message, issues, button, retry-button, manifest-fetch, manifest-invalid, manifest-version, expired, media-network, media-decode, no-source, start-failed, offline',
  transport:
    'transport, button, play-button, back-button, forward-button, previous-speaker-button, next-speaker-button, mute-button, help-button, time, rate, volume, download, buffering',
  speakers: 'speakers, speaker, active, avatar, name, role, talk-time',
  clipTools: 'clip-tools, clip-button, clip-hint, highlights, highlight, active, highlight-button, clip-editor, editor, editor-message, editor-button, close-clip-button, button',
  reactions: 'reactions',
  live: 'live, behind, button, jump-to-live-button',
  room: 'room, stage, listeners, pins, pin, current',
  transcript: 'word, turn, speaker, time, text, cue, redaction, scroller, toolbar, search, notice, message: transcript-message, resume',
};

/**
 * `<space-replay>`: replays a recorded live-audio room from its manifest: HLS audio, a waveform
 * from precomputed peaks with speaker lanes, transport, speakers, a synced transcript, clips and
 * keyboard shortcuts. It is `<space-replay-provider>` with a default layout of the parts
 * (`<space-replay-header>`, `<space-replay-timeline>`, `<space-replay-transport>`, …); a page that
 * wants another layout composes the parts itself (docs/compose.md).
 *
 * @example
 * <script type="module" src="https://unpkg.com/space-replay"></script>
 * <space-replay src="/rooms/2024-05-01/manifest.json"></space-replay>
 *
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme: `auto` (default) follows the viewer's `prefers-color-scheme`; pure CSS, no property.
 *
 * @slot transcript - Below the player's transcript panel and clip tools, for a site's additions.
 *
 * @csspart player - The whole player box.
 * @csspart header - Title, host, date, duration and status.
 * @csspart title - The recording title.
 * @csspart meta - Host, date and duration line.
 * @csspart badge - The status badge (`badge live` while live).
 * @csspart availability - "Available for N more days".
 * @csspart license - The manifest's license in the header (an SPDX identifier as text, a URL as a link).
 * @csspart timeline - Waveform and lanes: the seek slider.
 * @csspart waveform - The waveform (wavesurfer's own parts are inside it).
 * @csspart lanes - The speaker lanes (an SVG: a path per row, `data-row` N; the overview, tracks, hatching and chapter ticks as `data-lanes` paths).
 * @csspart cursor - The playhead on the lanes.
 * @csspart hover - The time and speaker shown under the pointer.
 * @csspart transport - The row of playback controls.
 * @csspart button - Every button (also `play-button`, `back-button`, `forward-button`, `previous-speaker-button`, `next-speaker-button`, `mute-button`, `help-button`, `retry-button`).
 * @csspart time - Elapsed and remaining time.
 * @csspart rate - The playback-rate menu.
 * @csspart volume - The volume slider.
 * @csspart chapters - The chapter menu.
 * @csspart download - The download link.
 * @csspart buffering - The buffering indicator.
 * @csspart speakers - The speaker list.
 * @csspart speaker - One speaker (also `speaker active` while they speak).
 * @csspart avatar - A speaker's avatar image or initials.
 * @csspart name - A speaker's name.
 * @csspart role - A speaker's role badge.
 * @csspart talk-time - A speaker's talk time.
 * @csspart transcript - The container of the `transcript` slot.
 * @csspart skeleton - The loading placeholder.
 * @csspart message - The expired, error and offline messages.
 * @csspart issues - The list of manifest problems, each with its field path.
 * @csspart help - The keyboard shortcuts overlay.
 * @csspart marks - Search hits and clip ranges drawn over the lanes.
 * @csspart clip-banner - "Clip 1:02–1:35 · Play full recording" (with `play-full-button`).
 * @csspart clip-notice - A clip link opened as a plain timestamp (consent), naming who refused.
 * @csspart clip-tools - The "Make a clip" toggle (`clip-button`) and its hint (`clip-hint`).
 * @csspart highlights - The host highlights (`highlight`, `highlight active`, `highlight-button`).
 * @csspart clip-editor - The clip editor row (the editor's own parts as `editor`, `editor-message`, `editor-button`; `close-clip-button`).
 * @csspart reactions - The room's reactions as a density strip under the timeline, with pins and the number in the room.
 * @csspart live - While the recording is in progress: how far behind live (`behind`) and `jump-to-live-button`.
 * @csspart room - Who is on stage now, how many are in the room, the pinned links (`stage`, `listeners`, `pins`, `pin`, `pin current`).
 */
export class SpaceReplay extends SpaceReplayProvider {
  static override styles = styles;

  constructor() {
    super();
    // The reading and sharing parts are not needed for first paint: their chunk comes after ready.
    this.addEventListener('space-replay-ready', () => void import('./read-along-parts.js').catch(() => {}));
    // The room's events and live catch-up (spec 1.1) have parts of their own, fetched only when used.
    this.addEventListener('space-replay-ready', () => {
      const manifest = this.snapshot?.recording?.manifest;
      if (manifest?.events || manifest?.status === 'live') void import('./room-parts.js').catch(() => {});
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The timeline is rendered once the recording is in: its library loads beside the manifest.
    WaveformController.preload();
    // The transcript panel is in this layout: its transcript loads as soon as the player is ready,
    // beside the panel's own chunk.
    emit(this, 'space-replay-transcript-request', null);
  }

  /** Resolves once the player and every part it shows have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const parts = [...this.renderRoot.querySelectorAll<HTMLElement & { updateComplete?: Promise<boolean> }>('.player *')];
    await Promise.all(parts.map((p) => p.updateComplete));
    return done;
  }

  protected override render(): TemplateResult {
    const s = this.snapshot;
    const manifest = s?.recording?.manifest;
    const m = messagesFor(s?.lang ?? 'en');
    // No state before the first update: a server rendering the element, which puts the placeholder
    // into its HTML when there is a recording to load (hydrating then renders the same).
    const loading = s ? s.state === 'loading' : this.src !== '';
    return html`<div part="player" class="player" role="region" aria-label=${manifest?.title ?? m.loading} aria-busy=${s?.buffering || loading ? 'true' : 'false'}>
      ${manifest
        ? html`<space-replay-header exportparts=${PARTS.header}></space-replay-header>
            <space-replay-timeline exportparts=${PARTS.timeline}></space-replay-timeline>
            ${manifest.events ? html`<space-replay-reactions exportparts=${PARTS.reactions}></space-replay-reactions>` : nothing}
            ${s?.readAlong ? html`<space-replay-clip-banner exportparts=${PARTS.banner}></space-replay-clip-banner>` : nothing}
            <space-replay-status exportparts=${PARTS.status}></space-replay-status>
            ${manifest.status === 'live' ? html`<space-replay-live exportparts=${PARTS.live}></space-replay-live>` : nothing}
            <space-replay-transport exportparts=${PARTS.transport}><space-replay-chapters exportparts="chapters"></space-replay-chapters></space-replay-transport>
            <space-replay-speakers exportparts=${PARTS.speakers}></space-replay-speakers>
            ${manifest.events ? html`<space-replay-room exportparts=${PARTS.room}></space-replay-room>` : nothing}
            <div part="transcript" class="transcript">
              ${s?.readAlong
                ? html`<div class="companion">
                    <space-replay-clip-tools exportparts=${PARTS.clipTools}></space-replay-clip-tools>
                    ${manifest.transcripts?.length ? html`<space-replay-transcript exportparts=${PARTS.transcript}></space-replay-transcript>` : nothing}
                  </div>`
                : nothing}<slot name="transcript"></slot>
            </div>`
        : html`<space-replay-status exportparts=${PARTS.status} ?loading=${!s && loading}></space-replay-status>`}
      ${this.renderHelp()}
    </div>`;
  }
}
