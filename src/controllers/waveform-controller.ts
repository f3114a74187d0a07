/**
 * The waveform: wavesurfer.js attached to the player's own media element and fed precomputed
 * peaks and the manifest's duration, so the audio is never fetched whole or decoded. wavesurfer
 * takes the media's current source as its own, so it may attach before or after the media engine
 * sets one. wavesurfer.js is a chunk of its own (about 15 KiB gzip), fetched by {@link
 * WaveformController.preload} while the manifest loads: a page without a timeline never loads it.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type WaveSurfer from 'wavesurfer.js';

let loading: Promise<typeof WaveSurfer> | null = null;

/**
 * wavesurfer.js, imported once; a failed import (offline) is tried again next time. Its renderer
 * builds its DOM without HTML strings (wavesurfer-dom.ts), so it draws under Trusted Types.
 */
function importWaveSurfer(): Promise<typeof WaveSurfer> {
  loading ??= import('./wavesurfer-dom.js').then(
    (m) => m.domRenderedWaveSurfer(),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Colours of the waveform, read from the host's custom properties. */
export interface WaveformColors {
  /** Unplayed part. */
  wave: string;
  /** Played part. */
  progress: string;
  /** Playhead. */
  cursor: string;
}

/** Options of {@link WaveformController.attach}. */
export interface WaveformOptions {
  /** Height in CSS pixels. */
  height: number;
  /** Colours. */
  colors: WaveformColors;
  /** Seconds visible at once; the view scrolls with playback. Omit to fit the whole recording. */
  window?: number;
}

/** Recordings longer than this get a zoomed waveform and an overview. */
export const ZOOM_THRESHOLD_SECONDS = 20 * 60;
/** What the zoomed waveform shows at once. */
export const ZOOM_WINDOW_SECONDS = 5 * 60;

/** Owns one wavesurfer.js instance at a time. */
export class WaveformController implements ReactiveController {
  /** The wavesurfer instance, once attached. */
  wavesurfer: WaveSurfer | null = null;
  private attachId = 0;
  private pxPerSecond = 0;
  private halfView = 0;
  private scrollPx = -1;

  /** Starts fetching wavesurfer.js, so it is there when a recording is ready to draw. */
  static preload(): void {
    importWaveSurfer().catch(() => {});
  }

  /** Adds itself to `host`; `media` is the element wavesurfer follows. */
  constructor(
    host: ReactiveControllerHost,
    readonly media: HTMLMediaElement,
  ) {
    host.addController(this);
  }

  /** Nothing: the host attaches once it has a manifest and a container. */
  hostConnected(): void {}

  /** Destroys wavesurfer (its listeners, observers and frame loop). */
  hostDisconnected(): void {
    this.detach();
  }

  /**
   * Draws `peaks` (one value per pixel, 0..1) over `duration` seconds into `container`. Resolves
   * `true` once drawn, `false` when a later attach or detach won or wavesurfer.js could not load.
   */
  async attach(container: HTMLElement, peaks: Float32Array | null, duration: number, options: WaveformOptions): Promise<boolean> {
    this.detach();
    const id = this.attachId;
    let WaveSurferClass: typeof WaveSurfer;
    try {
      WaveSurferClass = await importWaveSurfer();
    } catch {
      // Offline or blocked: no picture; the lanes still seek.
      return false;
    }
    if (id !== this.attachId) return false;
    const width = container.clientWidth || 600;
    this.pxPerSecond = options.window ? width / options.window : 0;
    this.halfView = width / 2;
    this.scrollPx = -1;
    let ws: WaveSurfer;
    try {
      ws = this.create(WaveSurferClass, container, peaks, duration, options, width);
    } catch (error) {
      // wavesurfer could not draw here (a page's policy refused a DOM write it makes, say): no
      // picture, and the player goes on without it. Never a rejection nobody handles.
      console.warn(`space-replay: the waveform could not be drawn (${String(error)})`);
      return false;
    }
    this.wavesurfer = ws;
    this.drawProgressByPixel(ws, options.window ? duration * this.pxPerSecond : width);
    return new Promise((resolve) => {
      const done = (ok: boolean) => resolve(ok && id === this.attachId);
      ws.once('ready', () => done(true));
      ws.once('destroy', () => done(false));
      ws.once('error', () => done(id === this.attachId));
    });
  }

  private create(WaveSurferClass: typeof WaveSurfer, container: HTMLElement, peaks: Float32Array | null, duration: number, options: WaveformOptions, width: number): WaveSurfer {
    return WaveSurferClass.create({
      container,
      media: this.media,
      // A flat line keeps seeking by click and drag working when a recording has no peaks.
      peaks: [peaks && peaks.length > 0 ? peaks : new Float32Array(2)],
      duration,
      height: options.height,
      waveColor: options.colors.wave,
      progressColor: options.colors.progress,
      cursorColor: options.colors.cursor,
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      normalize: false,
      interact: true,
      dragToSeek: true,
      hideScrollbar: true,
      // The host scrolls a zoomed view (follow()): wavesurfer's own auto-scroll reads the scroll
      // geometry on every frame, which forces a style and layout pass each time.
      autoScroll: false,
      autoCenter: false,
      ...(options.window ? { minPxPerSec: width / options.window } : {}),
    });
  }

  /**
   * wavesurfer moves its progress and cursor on every animation frame while playing, writing three
   * styles each time (a clip path, a width, a position): a style, layout and paint pass of the
   * waveform per frame, even when the playhead has not moved by a device pixel (on the overview of
   * a 4-hour recording it moves one in tens of seconds). Only a move of a whole device pixel is
   * drawn. `width` is the waveform's full width in CSS pixels, read again after each redraw.
   */
  private drawProgressByPixel(ws: WaveSurfer, width: number): void {
    const renderer = ws.getRenderer();
    const draw = renderer.renderProgress.bind(renderer);
    let drawnPx = NaN;
    let drawnPlaying: boolean | undefined;
    renderer.renderProgress = (progress: number, isPlaying?: boolean): void => {
      const px = Math.round(progress * width * devicePixelRatio);
      if (px === drawnPx && isPlaying === drawnPlaying) return;
      drawnPx = px;
      drawnPlaying = isPlaying;
      draw(progress, isPlaying);
    };
    // A resize or zoom changes the width; a redraw may follow any of them.
    ws.on('redrawcomplete', () => {
      width = ws.getWrapper().clientWidth || width;
      drawnPx = NaN;
    });
  }

  /**
   * Keeps `time` in the middle of a zoomed waveform. Writes the scroll position only when it moves
   * by a whole pixel (a few times a second), as writing it costs a layout.
   */
  follow(time: number): void {
    const ws = this.wavesurfer;
    if (!ws || this.pxPerSecond === 0) return;
    const px = Math.max(0, Math.round(time * this.pxPerSecond - this.halfView));
    if (px === this.scrollPx) return;
    // wavesurfer draws the zoomed view in view-wide chunks (a wave and a progress canvas each) as
    // they scroll in: the two under the view and one each side, keeping up to ten. After a jump
    // of more than four views (a far seek) the old ones are out of reach: draw afresh, which keeps
    // only those around the view (each canvas holds 0.33 MB at 2x density on a phone).
    const far = this.scrollPx >= 0 && Math.abs(px - this.scrollPx) > this.halfView * 8;
    this.scrollPx = px;
    ws.setScroll(px);
    if (far) ws.getRenderer().reRender();
  }

  /**
   * Draws the played part and the cursor at `time` while paused. wavesurfer draws them on the
   * media's `timeupdate`, which a browser sends for a seek only once the media has data: with
   * hls.js, nothing loads before the first play, so a seek made before it left them at 0.
   */
  showProgress(time: number): void {
    const ws = this.wavesurfer;
    const duration = ws?.getDuration() ?? 0;
    if (ws && duration > 0) ws.getRenderer().renderProgress(Math.min(1, Math.max(0, time / duration)), false);
  }

  /** Updates the colours (after a colour-scheme change). */
  setColors(colors: WaveformColors): void {
    this.wavesurfer?.setOptions({ waveColor: colors.wave, progressColor: colors.progress, cursorColor: colors.cursor });
  }

  /** Removes the waveform; the media element is left to the engine. */
  detach(): void {
    this.attachId++;
    const ws = this.wavesurfer;
    this.wavesurfer = null;
    ws?.destroy();
  }
}
