// bench.js: mustache.js renders the same template with the same data
// (exported from the model by 'handoff templates data') N times.
//   node bench.js TEMPLATE DATA.json N OUT [html]
// txt: no escaping (handoff's plain-text variant does not escape).
// html: the five escapes of the Mustache spec (& < > " '), written the
// way mustache.js's own escapeHtml is (one regex, one map), instead of
// its default, which also rewrites / ` and = .
'use strict';
const fs = require('fs');
const Mustache = require('mustache');
const [tplFile, dataFile, nStr, outFile, mode] = process.argv.slice(2);
const tpl = fs.readFileSync(tplFile, 'utf8');
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
const n = parseInt(nStr, 10);
const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
  "'": '&#39;' };
if (mode === 'html')
  Mustache.escape = (s) => String(s).replace(/[&<>"']/g, (c) => entities[c]);
else
  Mustache.escape = (s) => s;
let out = Mustache.render(tpl, data);  // warm the parse cache and the JIT
for (let i = 0; i < 1000; i++) out = Mustache.render(tpl, data);
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) out = Mustache.render(tpl, data);
const dt = Number(process.hrtime.bigint() - t0) / 1e9;
fs.writeFileSync(outFile, out);
console.log(Math.round(n / dt));
console.error(`node: ${n} renders in ${dt.toFixed(3)} s, ${Buffer.byteLength(out)} bytes each`);
