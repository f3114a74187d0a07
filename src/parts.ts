/**
 * Every part of the player, for a page that lays one out itself without a bundler (the CDN's
 * `space-replay-parts.js`; docs/compose.md). With a bundler, import only the parts used:
 * `space-replay/parts/provider`, `space-replay/parts/timeline`, …
 */

import './elements/space-replay-provider/define.js';
import './elements/space-replay-header/define.js';
import './elements/space-replay-status/define.js';
import './elements/space-replay-timeline/define.js';
import './elements/space-replay-transport/define.js';
import './elements/space-replay-chapters/define.js';
import './elements/space-replay-speakers/define.js';
import './elements/space-replay-clip-banner/define.js';
import './elements/space-replay-clip-tools/define.js';
import './elements/space-replay-transcript/define.js';
import './elements/space-replay-reactions/define.js';
import './elements/space-replay-room/define.js';
import './elements/space-replay-live/define.js';
