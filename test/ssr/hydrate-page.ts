// The client side of a server-rendered page (test/server/ssr-pages.js): Lit's hydration support
// first (before Lit itself loads, as @lit-labs/ssr-client requires), then the player, which then
// takes over the server's shadow roots instead of rendering new ones.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../../src/index.js';
