/** `<SpaceReplay>`: `<space-replay>` for React, with its properties as props and an `on…` prop per event. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { SpaceReplay as SpaceReplayElement } from '../elements/space-replay/define.js';
import { eventProps } from './event-props.js';
import { PLAYER_EVENTS } from './event-names.js';

export const SpaceReplay = createComponent({
  react: React,
  tagName: 'space-replay',
  elementClass: SpaceReplayElement,
  events: eventProps(PLAYER_EVENTS),
  displayName: 'SpaceReplay',
});
