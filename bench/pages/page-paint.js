// The first-paint probe of the page benches (bench/sections/page-paint.js), a classic script at the
// top of the page: on each frame it looks for the player's placeholder (through shadow roots) and
// keeps the time of the first frame that has it, from navigation start. A rAF callback runs just
// before its frame paints.
(() => {
  'use strict';
  const found = (root) => {
    if (root.querySelector('[part~="skeleton"]')) return true;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot && found(el.shadowRoot)) return true;
    return false;
  };
  window.pagePaint = { skeleton: null };
  const frame = (t) => {
    if (document.body && found(document)) window.pagePaint.skeleton = t;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
