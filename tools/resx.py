#!/usr/bin/env python3
"""Writes a .resx pair (neutral zh-CN + .en) from one table, so the two languages never drift.

Usage: tools/resx.py TABLE.tsv OUT_BASE   (OUT_BASE without .resx; writes OUT_BASE.resx and OUT_BASE.en.resx)
TABLE.tsv: name<TAB>zh-CN text<TAB>English text, one resource a line; '#' lines are comments.
"""
import sys
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def main(table, out):
    rows = []
    with open(table, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{table}:{n}: expected name<TAB>zh<TAB>en, got {len(parts)} fields")
            rows.append(parts)
    for suffix, col in ((".resx", 1), (".en.resx", 2)):
        with open(out + suffix, "w", encoding="utf-8") as f:
            f.write(HEAD)
            for row in rows:
                f.write(f'  <data name="{row[0]}" xml:space="preserve"><value>{escape(row[col])}</value></data>\n')
            f.write("</root>\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
