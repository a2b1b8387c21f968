/** Offers a text as a file download. Returns false where the browser cannot create object URLs. */
export function downloadText(filename: string, text: string, type = 'text/markdown'): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.className = 'offscreen';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}
