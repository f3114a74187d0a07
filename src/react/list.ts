/** `<SpaceReplayList>`: `<space-replay-list>` for React; it hears the list's events and those of the players its cards open. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { SpaceReplayList as SpaceReplayListElement } from '../elements/space-replay-list/define.js';
import { eventProps } from './event-props.js';
import { LIST_EVENTS, PLAYER_EVENTS } from './event-names.js';

export const SpaceReplayList = createComponent({
  react: React,
  tagName: 'space-replay-list',
  elementClass: SpaceReplayListElement,
  events: eventProps([...LIST_EVENTS, ...PLAYER_EVENTS]),
  displayName: 'SpaceReplayList',
});
