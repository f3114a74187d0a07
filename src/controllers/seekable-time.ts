/** Whether a media element can carry out a seek now (a file served without byte ranges can be seeked only as far as it has downloaded). */

/**
 * Whether a seek to `time` would be carried out now: inside one of the media's seekable ranges,
 * or past the last one when that reaches the end (a time rounded just past the duration).
 */
export function canSeekTo(media: HTMLMediaElement, time: number): boolean {
  const ranges = media.seekable;
  for (let i = 0; i < ranges.length; i++) {
    if (time >= ranges.start(i) && time <= ranges.end(i)) return true;
  }
  const end = ranges.length > 0 ? ranges.end(ranges.length - 1) : -1;
  return end >= 0 && time > end && Number.isFinite(media.duration) && end >= media.duration - 0.05;
}
