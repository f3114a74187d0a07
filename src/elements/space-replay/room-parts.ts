/**
 * The parts of `<space-replay>`'s layout for manifest spec 1.1: the room's events, and where a
 * listener is in a recording still in progress. Fetched once the player is ready, and only for a
 * recording that has events or is live.
 */

import '../space-replay-reactions/define.js';
import '../space-replay-room/define.js';
import '../space-replay-live/define.js';
