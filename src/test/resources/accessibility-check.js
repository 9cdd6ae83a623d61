// The checks an automated accessibility checker makes that matter for the register pages, run in the
// browser on the rendered page. Returns one line per problem (empty: the page passes).
const problems = [];
const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);

if (!document.documentElement.lang) problems.push('html has no lang attribute');
if (!document.title.trim()) problems.push('page has no title');
const h1 = document.querySelectorAll('h1');
if (h1.length !== 1) problems.push('page has ' + h1.length + ' h1 headings, expected 1');
let level = 0;
document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(h => {
  const l = Number(h.tagName.substring(1));
  if (level && l > level + 1) problems.push('heading level skips from h' + level + ' to h' + l + ': ' + h.textContent.trim());
  level = l;
});
document.querySelectorAll('input, select, textarea').forEach(field => {
  if (field.type === 'hidden') return;
  const labelled = (field.labels && field.labels.length) || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
  if (!labelled) problems.push('form field without label: ' + (field.name || field.id));
});
document.querySelectorAll('table').forEach(table => {
  if (!table.querySelector('th')) problems.push('table without header cells');
  table.querySelectorAll('thead th').forEach(th => { if (!th.getAttribute('scope')) problems.push('column header without scope: ' + th.textContent.trim()); });
});
document.querySelectorAll('a[href], button').forEach(el => {
  if (!el.textContent.trim() && !el.getAttribute('aria-label')) problems.push('link or button without text: ' + el.outerHTML.substring(0, 80));
});
const ids = {};
document.querySelectorAll('[id]').forEach(el => { if (ids[el.id]) problems.push('duplicate id ' + el.id); ids[el.id] = true; });
const first = document.querySelector('a[href], button, input, select, textarea');
if (!first || !first.classList.contains('skip-link') || !document.querySelector(first.getAttribute('href'))) {
  problems.push('the first focusable element is not a working skip link');
}

// Contrast (WCAG 2.1 AA) of every element with its own visible text.
const rgb = value => (value.match(/[\d.]+/g) || []).map(Number);
const luminance = ([r, g, b]) => {
  const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
};
const background = el => {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
  }
  return [255, 255, 255];
};
document.querySelectorAll('body *').forEach(el => {
  const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!ownText || !visible(el) || el.closest('.visually-hidden, .skip-link')) return;
  const style = getComputedStyle(el);
  const fg = rgb(style.color).slice(0, 3);
  const l1 = luminance(fg), l2 = luminance(background(el));
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ':1 below ' + needed + ':1 for "' + el.textContent.trim().substring(0, 40) + '"');
});
return problems;
