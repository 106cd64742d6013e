"""`nlp.add_pipe("zh_statistics")`: the extractor as a spaCy pipeline component.

The factory is registered through the `spacy_factories` entry point in pyproject.toml, so
spaCy finds it after `pip install` without the user importing anything:

    >>> import spacy
    >>> nlp = spacy.blank("zh")
    >>> _ = nlp.add_pipe("zh_statistics")
    >>> doc = nlp("2020年渝北区地区生产总值实现2009.52亿元，同比增长3.9%。")
    >>> [(span.text, span.label_) for span in doc.spans["quantities"]]
    [('2009.52亿元', 'currency'), ('3.9%', 'percent')]
    >>> [(fact.metric, str(fact.value)) for fact in doc._.facts]
    [('地区生产总值', '200952000000.00'), ('地区生产总值', '3.9')]

`doc.spans["quantities"]` holds one span per quantity, labelled with its unit family
(currency, percent, points, count, measure, multiple, rank, ratio …); `doc._.facts` holds the
article's `Fact`s. The component reads `doc.text`, so it works after any tokenizer.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SPAN_KEY = "quantities"


class StatisticsComponent:
    """Finds quantities and facts in each Doc; the Extractor is built once, with the pipe."""

    def __init__(self, nlp: Language, name: str, patterns: str | None):
        from .pipeline import Extractor

        if not Doc.has_extension("facts"):
            Doc.set_extension("facts", default=None)
        self.name = name
        self.extractor = Extractor(patterns=patterns)

    def __call__(self, doc: Doc) -> Doc:
        from .model import Article

        quantities, facts = self.extractor.analyse(Article(doc_id=doc.user_data.get("doc_id", ""), text=doc.text))
        spans = []
        for quantity in quantities:
            span = doc.char_span(quantity.start, quantity.end, label=quantity.family or "number",
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc._.facts = facts
        return doc


@Language.factory("zh_statistics", default_config={"patterns": None})
def make_statistics_component(nlp: Language, name: str, patterns: str | None) -> StatisticsComponent:
    """The factory spaCy calls for `nlp.add_pipe("zh_statistics", config={"patterns": …})`."""
    return StatisticsComponent(nlp, name, patterns)
