/**
 * Where the widget's server is: the origin the script itself was loaded from, so the same tag works on
 * any page. Without a script address (e.g. loaded by a module loader) the page's own origin is assumed.
 */
export function widgetLocation(scriptSource: string | undefined, pageUrl: string): { origin: string; stylesheet: string } {
  const script = new URL(scriptSource || '/webchat/xiaoning-widget.js', pageUrl);
  return { origin: script.origin, stylesheet: new URL('xiaoning-widget.css', script).href };
}
