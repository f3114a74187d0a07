// A page under Trusted Types for the browser tests: `/__trusted-types__/player.html?src=<manifest URL>`
// answers a page holding one `<space-replay no-resume>` on that manifest (the element's sources,
// compiled as the tests' are), with the header `Content-Security-Policy: require-trusted-types-for
// 'script'`, as a site with that policy serves it. A test loads it in an iframe and reads the
// player there; `securitypolicyviolation` events of the page are kept in `window.violations`.
const ROUTE = '/__trusted-types__/player.html';

export async function trustedTypesPageMiddleware(ctx, next) {
  if (ctx.path !== ROUTE) return next();
  const src = String(ctx.query.src ?? '');
  ctx.status = 200;
  ctx.type = 'text/html';
  ctx.set('Content-Security-Policy', "require-trusted-types-for 'script'");
  ctx.set('Vary', '*');
  const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  ctx.body = `<!doctype html>
<meta charset="utf-8">
<title>space-replay under Trusted Types</title>
<script type="module">
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber));
  await import('/src/elements/space-replay/define.ts');
  window.definedPlayer = true;
</script>
<space-replay no-resume src="${attribute}" style="width:600px"></space-replay>
`;
  return undefined;
}
