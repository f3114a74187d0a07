/** RFC 3339 date-times: the parser is a pure model (src/model/date-time.ts), shared with the player. */

export { DATE_TIME_PATTERN, parseDateTime } from '../model/date-time.js';
