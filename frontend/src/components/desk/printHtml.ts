// Prints a small document (a PIN slip, a card) through a hidden frame, so the desk page
// itself is not printed and no pop-up window is needed.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** `body` is trusted HTML: escape every value put into it with escapeHtml. */
export function printHtml(title: string, body: string, css = ''): void {
  const frame = document.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;'
  document.body.appendChild(frame)
  const doc = frame.contentDocument
  const win = frame.contentWindow
  if (!doc || !win) {
    frame.remove()
    return
  }
  doc.open()
  doc.write(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:12mm}${css}</style>` +
      `</head><body>${body}</body></html>`,
  )
  doc.close()
  const print = () => {
    win.focus()
    win.print()
    setTimeout(() => frame.remove(), 1000)
  }
  // wait for images (a card picture) before printing
  const images = [...doc.images].filter((img) => !img.complete)
  if (images.length === 0) print()
  else Promise.all(images.map((img) => new Promise((done) => img.addEventListener('load', done, { once: true })))).then(print)
}
