/** Saving generated text (the transcript as WebVTT or plain text) as a file download. */

/**
 * Offers `text` as a download named `fileName`. The temporary link lives in `root` (a shadow
 * root) for the click only, and its object URL is revoked right after.
 */
export function downloadFile(root: ShadowRoot | HTMLElement, fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in some browsers: wait a task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
