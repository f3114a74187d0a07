/** `<SpaceReplayTranscript>`: the transcript panel, `<space-replay-transcript>`, for React. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { SpaceReplayTranscript as SpaceReplayTranscriptElement } from '../elements/space-replay-transcript/define.js';
import { eventProps } from './event-props.js';
import { PLAYER_EVENTS } from './event-names.js';

export const SpaceReplayTranscript = createComponent({
  react: React,
  tagName: 'space-replay-transcript',
  elementClass: SpaceReplayTranscriptElement,
  events: eventProps(PLAYER_EVENTS),
  displayName: 'SpaceReplayTranscript',
});
