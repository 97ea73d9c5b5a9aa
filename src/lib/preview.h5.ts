/**
 * Shows photos full screen in the browser: our own small viewer (previewViewer.ts), loaded when a photo
 * is first tapped rather than with every page (the H5 home page's first load has a 500 KB budget,
 * bench/README.md §7).
 */
export async function previewPhotos(current: string, urls: string[]): Promise<unknown> {
  const { showViewer } = await import('./previewViewer');
  return showViewer(current, urls);
}
