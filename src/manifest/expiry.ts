/** Retention: the rule is a pure model (src/model/expiry.ts), shared with clip consent and the player. */

export { isExpired } from '../model/expiry.js';
