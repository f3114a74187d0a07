// Test command `block-urls` ({patterns: string[]}): makes Chromium fail every request whose URL
// matches one of `patterns` (DevTools' Network.setBlockedURLs; `*` is a wildcard), the browser's
// own media requests included, as a dropped connection fails them. An empty list unblocks. Only
// the page's requests are blocked, not the test runner's own connection (DevTools' offline mode
// would cut that too). Resolves to false where the launcher has no DevTools (the test skips).
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   if (!(await executeServerCommand('block-urls', { patterns: ['*/talk/audio/*'] }))) this.skip();
const sessions = new Map();

export function blockUrlsCommandPlugin() {
  return {
    name: 'block-urls',
    async executeCommand({ command, payload, session }) {
      if (command !== 'block-urls') return undefined;
      if (!/chrom/i.test(session.browser.name) || typeof session.browser.getPage !== 'function') return false;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        await cdp.send('Network.enable');
        sessions.set(session.id, cdp);
      }
      await cdp.send('Network.setBlockedURLs', { urls: payload?.patterns ?? [] });
      return true;
    },
  };
}
