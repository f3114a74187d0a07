/**
 * `<SpaceReplayProvider>`: `<space-replay-provider>` for React, for a layout of one's own
 * (docs/compose.md): its children are the parts, as elements (`<space-replay-timeline>`, …,
 * registered by `space-replay/parts/<name>` and typed by `space-replay/jsx`).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { SpaceReplayProvider as SpaceReplayProviderElement } from '../elements/space-replay-provider/define.js';
import { eventProps } from './event-props.js';
import { PLAYER_EVENTS } from './event-names.js';

export const SpaceReplayProvider = createComponent({
  react: React,
  tagName: 'space-replay-provider',
  elementClass: SpaceReplayProviderElement,
  events: eventProps(PLAYER_EVENTS),
  displayName: 'SpaceReplayProvider',
});
