/**
 * The parts of `<space-replay>`'s layout that reading and sharing need, fetched together once the
 * player is ready (first paint does not need them): one import, so they are defined at once and
 * the transcript never shows without its clip tools.
 */

import '../space-replay-clip-banner/define.js';
import '../space-replay-clip-tools/define.js';
import '../space-replay-transcript/define.js';
