/**
 * xterm.js 6 writes its CSS through `<style>` elements (theme, cell size, scrollbar) and, for
 * true-colour cells, through `setAttribute('style', …)`. The page's policy (`default-src 'self'`,
 * docs/dashboard.md "Content Security Policy") refuses both. The same CSS given through the CSSOM
 * is not refused: a constructed stylesheet adopted by the document, and `element.style.cssText`.
 * These two shims route xterm's writes there, so the terminal is styled and the policy stays strict
 * (no 'unsafe-inline'). Installed by the terminal's chunk only; nothing else on the page creates
 * style elements or style attributes.
 */
let installed = false;

/** A hidden stand-in for a `<style>` element: what is written to its textContent becomes an adopted stylesheet. */
function sheetBackedStyle(ownerDocument: Document, create: (tag: string) => HTMLElement): HTMLElement {
  const holder = create('template'); // inert: never rendered, never parsed as CSS
  const sheet = new CSSStyleSheet();
  let text = '';
  ownerDocument.adoptedStyleSheets = [...ownerDocument.adoptedStyleSheets, sheet];
  Object.defineProperty(holder, 'textContent', {
    get: () => text,
    set: (value: string | null) => {
      text = value ?? '';
      sheet.replaceSync(text);
    },
  });
  const remove = holder.remove.bind(holder);
  holder.remove = () => {
    ownerDocument.adoptedStyleSheets = ownerDocument.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    remove();
  };
  return holder;
}

export function installCspSafeStyles(): void {
  if (installed) return;
  installed = true;
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    if (tagName.toLowerCase() === 'style') return sheetBackedStyle(this, (tag) => createElement.call(this, tag) as HTMLElement);
    return createElement.call(this, tagName, options);
  } as typeof Document.prototype.createElement;
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && this instanceof HTMLElement) {
      this.style.cssText = value;
      return;
    }
    setAttribute.call(this, name, value);
  };
}
