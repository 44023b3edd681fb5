#!/usr/bin/python3
# pdf_check.py: layout and structure checks for test_pdf.sh.
#   pdf_check.py layout FILE.pdf     every word box inside the margins, no
#                                     two word boxes overlapping
#   pdf_check.py outlines FILE.pdf   print every bookmark title, one a line
#   pdf_check.py uris FILE.pdf       print every link annotation's URI
# Exit 0 when the check holds; problems go to stdout.
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MARGIN_X = 50.0     # the content box starts at 56pt; header/footer too
MARGIN_TOP = 30.0   # the running header sits about 40pt from the top
MARGIN_BOTTOM = 30.0
TOL = 0.3           # pdftotext rounds; glyph boxes may touch


def layout(pdf):
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         capture_output=True, check=True).stdout
    out = re.sub(rb'<!DOCTYPE[^>]*>', b'', out)
    root = ET.fromstring(out)
    ns = {'x': 'http://www.w3.org/1999/xhtml'}
    bad = 0
    for pno, page in enumerate(root.iter('{http://www.w3.org/1999/xhtml}page'), 1):
        pw, ph = float(page.get('width')), float(page.get('height'))
        words = []
        for w in page.iter('{http://www.w3.org/1999/xhtml}word'):
            box = [float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')]
            words.append((box, w.text or ''))
            x0, y0, x1, y1 = box
            if x0 < MARGIN_X or x1 > pw - MARGIN_X or y0 < MARGIN_TOP or y1 > ph - MARGIN_BOTTOM:
                print('page %d: %r outside the margins: %s' % (pno, w.text, box))
                bad += 1
        words.sort(key=lambda b: b[0][0])
        for i, (a, ta) in enumerate(words):
            for b, tb in words[i + 1:]:
                if b[0] >= a[2] - TOL:
                    break
                ov_x = min(a[2], b[2]) - max(a[0], b[0])
                ov_y = min(a[3], b[3]) - max(a[1], b[1])
                # same line: the boxes share most of their height
                if ov_x > TOL and ov_y > 0.5 * min(a[3] - a[1], b[3] - b[1]):
                    print('page %d: %r overlaps %r' % (pno, ta, tb))
                    bad += 1
    return 1 if bad else 0


def qpdf_json(pdf, key):
    out = subprocess.run(['qpdf', '--json', '--json-key=' + key, pdf],
                         capture_output=True, check=True).stdout
    return json.loads(out)


def outlines(pdf):
    def walk(items, depth):
        for o in items:
            print('  ' * depth + o.get('title', ''))
            walk(o.get('kids', []), depth + 1)
    walk(qpdf_json(pdf, 'outlines')['outlines'], 0)
    return 0


def uris(pdf):
    out = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, '-'],
                         capture_output=True, check=True).stdout
    for m in re.finditer(rb'/URI \(((?:\\.|[^\\)])*)\)', out):
        print(m.group(1).decode('latin-1').replace('\\(', '(').replace('\\)', ')'))
    return 0


if __name__ == '__main__':
    sys.exit({'layout': layout, 'outlines': outlines, 'uris': uris}[sys.argv[1]](sys.argv[2]))
