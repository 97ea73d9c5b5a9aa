/**
 * The page's own header. In the mini-program WeChat draws the navigation bar (title and back), so this
 * renders nothing; the H5 build uses PageHeader.h5.tsx.
 */
export function PageHeader(_props: { home?: string }) {
  return null;
}
