/**
 * The panel's "Copy with timestamps" and downloads (WebVTT, plain text, when allowed), with the
 * short status they leave ("Transcript copied"). What leaves the page is the exportable transcript:
 * speakers under the names shown, redacted words replaced by a marker (transcript-export.ts).
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TimerScope } from '../../controllers/timer-scope.js';
import type { TranscriptMessages } from '../../i18n/messages.js';
import type { Transcript } from '../../model/transcript/index.js';
import { copyTranscript, downloadTranscript } from './transcript-export.js';

const STATUS_MS = 4000;

/** What the actions need of their panel. */
export interface ExportPanel {
  /** The transcript as it may leave the page, if any. */
  exportable(): Transcript | undefined;
  /** The panel's strings. */
  messages(): TranscriptMessages;
  /** Downloads are allowed. */
  allowDownload(): boolean;
  /** The file name, without extension. */
  downloadName(): string;
  /** Where the download link goes for its click. */
  root(): ShadowRoot | null;
}

/** Copy and download for one panel. */
export class ExportActions implements ReactiveController {
  /** The status shown after a copy, for a few seconds. */
  status = '';
  private readonly timers = new TimerScope();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly panel: ExportPanel,
  ) {
    host.addController(this);
  }

  /** Nothing to start. */
  hostConnected(): void {}

  /** Clears the status timer. */
  hostDisconnected(): void {
    this.timers.clear();
  }

  /** Copies the transcript with timestamps. */
  readonly copy = async (): Promise<void> => {
    const t = this.panel.exportable();
    if (!t) return;
    const m = this.panel.messages();
    this.show((await copyTranscript(t)) ? m.copied : m.copyFailed);
  };

  /** Downloads it in the format of the pressed button (`data-format`). */
  readonly download = (event: Event): void => {
    const { panel } = this;
    const t = panel.exportable();
    const root = panel.root();
    if (!t || !panel.allowDownload() || !root) return;
    downloadTranscript(root, panel.downloadName() || 'transcript', (event.currentTarget as HTMLElement).dataset.format === 'vtt', t);
  };

  private show(text: string): void {
    this.status = text;
    this.host.requestUpdate();
    this.timers.clear();
    this.timers.timeout(() => {
      this.status = '';
      this.host.requestUpdate();
    }, STATUS_MS);
  }
}
