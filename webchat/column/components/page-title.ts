import { useEffect } from 'preact/hooks';

/** The browser tab's title for the page shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} - 宁德12345领导接线` : '宁德12345领导接线';
  }, [title]);
}
