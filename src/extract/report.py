"""A static HTML report: each article with its facts highlighted, and an index of scores.

Everything is in the pages themselves (inline CSS and SVG, no script, no font or CDN), so
the report opens from disk on a machine with no network and sends no request anywhere.

- `index.html`: one row per article (facts found; with gold, quantity and fact P/R/F1) and
  a small bar chart of facts and F1 per article.
- `<doc_id>.html`: the article's text with one highlight per figure, coloured by kind; the
  tooltip (title) gives subject, metric, value, unit, qualifier and period. With gold, a
  prediction that matches no gold quantity is marked extra, and each gold fact that was
  missed is marked where it stands in the text and listed under it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .numerals import normalize_decimal
from .score import ArticleScore

KIND_COLOURS = {"level": "#cfe8ff", "change": "#ffe3b3", "growth": "#d4f5d0", "rank": "#f0d4ff", "ratio": "#ffd6d6"}
STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto;
       max-width: 60em; line-height: 1.9; color: #222; }
h1 { font-size: 1.4em; } table { border-collapse: collapse; } td, th { padding: .2em .6em; border: 1px solid #ccc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: 1em; }
mark { border-radius: 3px; padding: 0 1px; }
%s
mark.extra { outline: 2px solid #d00; }
mark.missed { background: none; outline: 2px dashed #d00; }
.legend span { margin-right: 1em; padding: 0 .4em; }
""" % "\n".join(f"mark.{kind}, .legend .{kind} {{ background: {colour}; }}" for kind, colour in KIND_COLOURS.items())


@dataclass
class ArticlePage:
    """What one article's page shows."""

    doc_id: str
    text: str
    rows: list[dict[str, str]]  # predicted SCHEMA rows (fact_id, start, end …)
    score: ArticleScore | None = None
    gold: list[dict[str, str]] = field(default_factory=list)  # raw gold rows, for where a miss stands
    extra_ids: frozenset[str] = frozenset()  # fact_ids of predictions that match no gold quantity


def page_name(doc_id: str) -> str:
    """A file name for a doc_id (which may hold a folder path: 2021/yubei)."""
    return re.sub(r"[^\w.-]+", "_", doc_id) + ".html"


def _tooltip(row: dict[str, str]) -> str:
    return (f"#{row.get('fact_id', '')} {row['subject']} | {row['metric']} | {row['value']} {row['unit']} "
            f"{row['qualifier']} | {row['period'] or '-'} | {row['kind']}")


def _marks(page: ArticlePage) -> str:
    """The article text with <mark>s: one per span, holding every fact stated there."""
    spans: dict[tuple[int, int], list[tuple[str, dict]]] = {}
    for row in page.rows:
        key = (int(row["start"]), int(row["end"]))
        spans.setdefault(key, []).append(("extra" if row["fact_id"] in page.extra_ids else row["kind"], row))
    if page.score:
        predicted_ranges = list(spans)
        for row in page.score.misses:
            gold = next((g for g in page.gold if g.get("text") == row.text and g.get("start")), None)
            if gold:
                key = (int(gold["start"]), int(gold["end"]))
                if not any(s < key[1] and key[0] < e for s, e in predicted_ranges):
                    spans.setdefault(key, []).append(("missed", gold))
    pieces, position = [], 0
    for (start, end), facts in sorted(spans.items()):
        if start < position:
            continue  # overlapping spans: the first keeps its place
        pieces.append(html.escape(page.text[position:start]))
        kinds = {kind for kind, _ in facts}
        kind = "missed" if kinds == {"missed"} else next((k for k, _ in facts if k not in ("extra", "missed")), "level")
        classes = [kind] + (["extra"] if "extra" in kinds else [])
        ids = " ".join(row.get("fact_id", "") for k, row in facts if k != "missed")
        title = "\n".join(("missed (gold): " if k == "missed" else "") + _tooltip(row) for k, row in facts)
        pieces.append(f'<mark class="{" ".join(classes)}" data-fact-ids="{html.escape(ids)}" '
                      f'title="{html.escape(title)}">{html.escape(page.text[start:end])}</mark>')
        position = end
    pieces.append(html.escape(page.text[position:]))
    return "".join(pieces)


def _document(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def _scores_cells(score: ArticleScore | None) -> str:
    if score is None:
        return ""
    qp, qr, qf = score.counts.quantity
    fp, fr, ff = score.counts.fact
    return "".join(f'<td class="num">{v:.3f}</td>' for v in (qp, qr, qf, fp, fr, ff))


def article_html(page: ArticlePage) -> str:
    legend = "".join(f'<span class="{kind}">{kind}</span>' for kind in KIND_COLOURS)
    if page.score:
        legend += '<span style="outline:2px solid #d00">extra (no gold match)</span>'
        legend += '<span style="outline:2px dashed #d00">missed gold fact</span>'
    body = [f'<p><a href="index.html">← all articles</a></p><h1>{html.escape(page.doc_id)}</h1>',
            f'<p class="legend">{legend}</p>', f'<div class="text">{_marks(page)}</div>']
    rows = "".join(
        f"<tr><td>{html.escape(r['fact_id'])}</td><td>{html.escape(r['subject'])}</td><td>{html.escape(r['metric'])}</td>"
        f'<td class="num">{html.escape(r["value"])}</td><td>{html.escape(r["unit"])}</td>'
        f"<td>{html.escape(r['qualifier'])}</td><td>{html.escape(r['period'])}</td><td>{html.escape(r['kind'])}</td>"
        f"<td>{html.escape(r['text'])}</td></tr>" for r in page.rows)
    body.append("<h2>Facts</h2><table><tr><th>#</th><th>subject</th><th>metric</th><th>value</th><th>unit</th>"
                f"<th>qualifier</th><th>period</th><th>kind</th><th>text</th></tr>{rows}</table>")
    if page.score and page.score.misses:
        missed = "".join(f"<tr><td>{html.escape(r.text)}</td><td>{html.escape(r.subject)}</td>"
                         f"<td>{html.escape(r.metric)}</td><td class=\"num\">{normalize_decimal(r.value)}</td>"
                         f"<td>{html.escape(r.unit)}</td></tr>" for r in page.score.misses)
        body.append('<h2>Missed gold facts</h2><table class="missed-list"><tr><th>text</th><th>subject</th>'
                    f"<th>metric</th><th>value</th><th>unit</th></tr>{missed}</table>")
    return _document(page.doc_id, "\n".join(body))


def _chart(pages: list[ArticlePage]) -> str:
    """Facts per article (bars) and, with gold, fact F1 (a second, darker bar), as inline SVG."""
    width, bar, gap = 640, 14, 6
    most = max([len(p.rows) for p in pages] + [1])
    height = len(pages) * (2 * bar + gap) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 260}" height="{height}" role="img" '
             f'aria-label="facts and F1 per article">']
    for index, page in enumerate(pages):
        y = 10 + index * (2 * bar + gap)
        length = (width - 40) * len(page.rows) / most
        parts.append(f'<text x="0" y="{y + bar - 3}" font-size="11">{html.escape(page.doc_id)}</text>'
                     f'<rect x="200" y="{y}" width="{length:.1f}" height="{bar - 2}" fill="#7fb3e6"/>'
                     f'<text x="{205 + length:.1f}" y="{y + bar - 3}" font-size="10">{len(page.rows)} facts</text>')
        if page.score:
            f1 = page.score.counts.fact[2]
            parts.append(f'<rect x="200" y="{y + bar}" width="{(width - 40) * f1:.1f}" height="{bar - 2}" '
                         f'fill="#3d7a3d"/><text x="{205 + (width - 40) * f1:.1f}" y="{y + 2 * bar - 3}" '
                         f'font-size="10">fact F1 {f1:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def index_html(pages: list[ArticlePage]) -> str:
    scored = any(p.score for p in pages)
    header = "<tr><th>article</th><th>facts</th>" + (
        "<th>qty P</th><th>qty R</th><th>qty F1</th><th>fact P</th><th>fact R</th><th>fact F1</th>" if scored else "") + "</tr>"
    rows = "".join(
        f'<tr><td><a href="{page_name(p.doc_id)}">{html.escape(p.doc_id)}</a></td>'
        f'<td class="num">{len(p.rows)}</td>{_scores_cells(p.score)}</tr>' for p in pages)
    body = (f"<h1>Facts found in {len(pages)} articles</h1><table>{header}{rows}</table>"
            f"<h2>Per article</h2>{_chart(pages)}")
    return _document("extract report", body)


def write_report(pages: list[ArticlePage], folder: str | Path) -> Path:
    """Write index.html and one page per article into `folder`; return the index's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / page_name(page.doc_id)).write_text(article_html(page), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(index_html(pages), encoding="utf-8")
    return index

