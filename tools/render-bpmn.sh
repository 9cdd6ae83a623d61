#!/usr/bin/env bash
# Renders BPMN files as Camunda Modeler draws them (bpmn-js), at 100% zoom, to PNG files in
# target/diagrams/, with headless Chromium. For reviewing layouts: ./tools/render-bpmn.sh processes/*.bpmn
# Needs `npm install` (bpmn-js) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/diagrams
mkdir -p "$out"
viewer="$(pwd)/node_modules/bpmn-js/dist/bpmn-viewer.development.js"
css="$(pwd)/node_modules/bpmn-js/dist/assets/bpmn-js.css"
for bpmn in "$@"; do
  name=$(basename "$bpmn" .bpmn)
  # The page size is the diagram's own extent (from its DI), so the PNG is exactly what 100% shows.
  read -r width height < <(python3 - "$bpmn" <<'PY'
import re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
xs, ys = [], []
for m in re.finditer(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', xml):
    x, y, w, h = map(float, m.groups()); xs += [x, x + w]; ys += [y, y + h]
for m in re.finditer(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)"', xml):
    xs.append(float(m.group(1))); ys.append(float(m.group(2)))
print(int(max(xs) - min(xs) + 80), int(max(ys) - min(ys) + 80))
PY
)
  html="$out/$name.html"
  python3 - "$bpmn" "$viewer" "$css" "$html" <<'PY'
import json, sys
bpmn, viewer, css, html = sys.argv[1:]
xml = open(bpmn, encoding="utf-8").read()
open(html, "w", encoding="utf-8").write(f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{css}"><style>html,body,#c{{margin:0;width:100%;height:100%;background:#fff}}</style>
<script src="file://{viewer}"></script></head><body><div id="c"></div><script>
const v = new BpmnJS({{ container: '#c' }});
v.importXML({json.dumps(xml)}).then(r => {{
  const canvas = v.get('canvas'); canvas.zoom(1); const box = canvas.viewbox();
  canvas.viewbox({{ x: box.inner.x - 40, y: box.inner.y - 40, width: box.outer.width, height: box.outer.height }});
  if (r.warnings.length) document.title = 'WARN ' + r.warnings.map(w => w.message).join('; ');
}}).catch(e => document.body.innerText = 'ERROR ' + e.message);
</script></body></html>""")
PY
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --no-first-run --hide-scrollbars --allow-file-access-from-files --virtual-time-budget=4000 \
    --window-size="$width,$height" --screenshot="$(pwd)/$out/$name.png" "file://$(pwd)/$html" >/dev/null 2>&1
  echo "$out/$name.png  ${width}x${height}"
done
