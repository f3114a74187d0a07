// Records every Content-Security-Policy violation of the page that loads it first (test/csp/):
// the tests read `window.cspViolations`. The event bubbles and is composed, so violations inside
// shadow roots reach the document too.
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (e) => window.cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || ''} ${e.sample || ''} at ${e.sourceFile || '?'}:${e.lineNumber}`.trim()),
  true,
);
