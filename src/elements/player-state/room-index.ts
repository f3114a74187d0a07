/**
 * The room's events (manifest spec 1.1) indexed once per recording and shared by the parts that
 * show them (`<space-replay-reactions>`, `<space-replay-room>`): the first part to ask loads them,
 * the others get the same promise. An events file is fetched only then, never on the critical path.
 * Problems in the file are warned about and the valid events shown; a file that cannot be loaded
 * costs only the room's events.
 */

import { parseEventsJsonl } from '../../manifest/events-jsonl.js';
import { RoomEvents } from '../../model/room-events.js';
import type { Recording } from './recording.js';
import { usableUrl } from './safe-url.js';

const loaded = new WeakMap<Recording, Promise<RoomEvents | null>>();

/** The room's events of `recording`, indexed; null when it has none or they could not be loaded. */
export function roomIndexOf(recording: Recording): Promise<RoomEvents | null> {
  let promise = loaded.get(recording);
  if (!promise) {
    promise = load(recording);
    loaded.set(recording, promise);
  }
  return promise;
}

/**
 * A part's view of the room: follows the provider's recording and hands `show` the index of the
 * one it has (null while there is none or it is loading). A newer version of a live recording
 * keeps showing the room it had until its own is indexed.
 */
export class RoomFollower {
  private current: Recording | null = null;

  constructor(private readonly show: (room: RoomEvents | null) => void) {}

  /** Called with the provider's recording at each update; works only when it changed. */
  follow(recording: Recording | null): void {
    if (recording === this.current) return;
    if (recording?.manifest.id !== this.current?.manifest.id) this.show(null);
    this.current = recording;
    if (!recording?.manifest.events) {
      this.show(null);
      return;
    }
    void roomIndexOf(recording).then((room) => {
      if (this.current === recording) this.show(room);
    });
  }
}

async function load(recording: Recording): Promise<RoomEvents | null> {
  const { manifest, baseUrl } = recording;
  const ref = manifest.events;
  if (!ref) return null;
  if (ref.data) return new RoomEvents(ref.data, manifest.participants);
  const url = usableUrl(ref.url, baseUrl);
  if (!url) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const result = parseEventsJsonl(await response.text(), {
      duration: manifest.duration,
      participants: manifest.participants.map((p) => p.id),
      baseUrl: response.url || url,
    });
    if (result.errors.length > 0) console.warn(`space-replay: ${url}: ${result.errors.length} events could not be read; first at line ${result.errors[0]!.line}: ${result.errors[0]!.message}`);
    return new RoomEvents(result.events, manifest.participants);
  } catch (error) {
    console.warn(`space-replay: the room's events (${url}) could not be loaded: ${(error as Error).message}`);
    return null;
  }
}
