/**
 * The parts of `<space-replay>`'s layout that show the room's events (manifest spec 1.1): fetched
 * once the player is ready, and only for a recording that has events.
 */

import '../space-replay-reactions/define.js';
import '../space-replay-room/define.js';
